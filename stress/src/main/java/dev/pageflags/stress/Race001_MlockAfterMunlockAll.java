package dev.pageflags.stress;

import dev.pageflags.mm.LruList;
import dev.pageflags.mm.PageFlag;
import dev.pageflags.mm.Variant;
import dev.pageflags.mm.VmFlags;
import dev.pageflags.mm.VmStat;
import dev.pageflags.mm.v4_2.LockedVmaUnderReclaim;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Ref;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Seed 001, race 1 (Vlastimil Babka's, 2015, 4.2): try_to_unmap_one() sets PG_mlocked just after
 * munlock_vma_pages_all() cleared it, so the page stays mlocked and unevictable in a vma that is
 * no longer VM_LOCKED.
 *
 * <h2>The race</h2>
 * Reclaim holds an anonymous page P of a VM_LOCKED vma V (isolated, page locked) and calls
 * try_to_unmap(); the owner of V exits, and exit_mmap() runs munlock_vma_pages_all(V) without
 * mmap_sem.
 * <pre>
 *   reclaim: try_to_unmap_one(P, V)            exit: munlock_vma_pages_all(V)
 *   pte lock; VM_LOCKED set -> out_mlock
 *   pte unlock
 *   down_read_trylock(mmap_sem) -> ok (exit does not hold it)
 *   VM_LOCKED still set
 *                                              vm_flags &= ~VM_LOCKED
 *                                              follow_page_mask(): pte lock, pin P
 *                                              __munlock_pagevec_fill(): pte lock
 *                                              phase 1, lru lock: TestClearPageMlocked(P);
 *                                                P is isolated by reclaim: left alone
 *   mlock_vma_page(P): TestSetPageMlocked -> set
 *   SWAP_MLOCK: putback_lru_page(P) -> unevictable list
 * </pre>
 * mmap_sem does not help (exit_mmap() does not take it), the page lock does not (phase 1 takes
 * none). The pte lock does: munlock takes it after clearing VM_LOCKED, so a reader of VM_LOCKED
 * that mlocks before dropping that lock is either before munlock's phase 1 (which then clears
 * PG_mlocked) or sees VM_LOCKED clear.
 *
 * <h2>Outcome guarded</h2>
 * When both are done VM_LOCKED is clear, and P must not be mlocked. Broken: PG_mlocked set and P
 * on the unevictable list, with nobody left to munlock it. Fix: b87537d9 ("mm: rmap use pte lock
 * not mmap_sem to set PageMlocked"): mlock_vma_page() before dropping the pte lock.
 *
 * <p>Each sample starts with reclaim inside try_to_unmap_one(), holding the pte lock it took in
 * page_check_address() (the same program point in both variants); the exiting task starts at
 * munlock_vma_pages_all(). The window is still narrow in time: exit's clear, two pte-lock
 * sections and phase 1 must all fall between reclaim's second read of VM_LOCKED and its
 * TestSetPageMlocked, so the broken variant shows it in roughly 1 sample in 10^5.
 *
 * <p>Result: (PG_mlocked, on the unevictable list (1) / an evictable list (0) / none, freed (-1),
 * NR_MLOCK).
 * NR_MLOCK may end at 1 with the page evictable: when reclaim's TestSet comes first, phase 1
 * clears the bit but cannot isolate the page, and 4.2's phase 1 subtracts only isolated pages
 * from NR_MLOCK (fixed later by 70feee0e1ef3). That is a counting bug of its own, not this race.
 *
 * <p>How to run: {@code java -jar stress/target/jcstress.jar -t Race001_MlockAfterMunlockAll -sc false -f 1}
 */
public final class Race001_MlockAfterMunlockAll {
    private Race001_MlockAfterMunlockAll() {
    }

    /** The race, written once; JCStress and the Lincheck checks both drive it. */
    public static class Scenario implements RaceScenario {
        private final LockedVmaUnderReclaim world;

        public Scenario(Variant variant) {
            world = new LockedVmaUnderReclaim(variant);
            world.reclaimFindsPte();
        }

        /**
         * Reclaim, from inside try_to_unmap_one() with the pte lock held: decide on VM_LOCKED,
         * then file the page (put back, or freed if it got unmapped).
         */
        @Override
        public void actor1() {
            world.reclaimFinishes(world.reclaimContinuesUnmap());
        }

        /** exit_mmap(): munlock_vma_pages_all() of the vma. */
        @Override
        public void actor2() {
            world.exitMunlocks();
        }

        public boolean vmLocked() {
            return (world.vma.vmFlags() & VmFlags.VM_LOCKED) != 0;
        }

        public boolean pageMlocked() {
            return world.page.test(PageFlag.PG_mlocked);
        }

        /** 1 on the unevictable list, 0 on an evictable one, -1 on none. */
        public int onUnevictableList() {
            LruList lru = world.page.lru();
            return lru == null ? -1 : lru.isEvictable() ? 0 : 1;
        }

        public int nrMlock() {
            return (int) world.map.vmstat().read(VmStat.Item.NR_MLOCK);
        }

        @Override
        public boolean badEndState() {
            return pageMlocked() && !vmLocked();
        }

        @Override
        public String describeEndState() {
            return world.page + " on " + world.page.lru() + ", vma " + world.vma + ", NR_MLOCK " + nrMlock()
                    + (badEndState() ? ": mlocked although no VM_LOCKED vma maps it" : "");
        }

        void record(III_Result r) {
            r.r1 = pageMlocked() ? 1 : 0;
            r.r2 = onUnevictableList();
            r.r3 = nrMlock();
        }
    }

    @JCStressTest
    @RaceVariant(seed = "001", variant = Variant.BROKEN)
    @Description("4.2: try_to_unmap_one() re-reads VM_LOCKED under mmap_sem, which exit_mmap() does not hold, "
            + "and mlocks the page after munlock_vma_pages_all()'s phase 1")
    @Ref("b87537d9 mm: rmap use pte lock not mmap_sem to set PageMlocked (Vlastimil Babka's race in its log)")
    @Outcome(id = "0, 0, [01]", expect = Expect.ACCEPTABLE, desc = "munlocked: evictable, VM_LOCKED clear")
    @Outcome(id = "0, -1, 0", expect = Expect.ACCEPTABLE, desc = "VM_LOCKED cleared first: reclaim unmapped and freed it")
    @Outcome(id = "1, 1, .*", expect = Expect.ACCEPTABLE_INTERESTING,
            desc = "mlocked and unevictable after munlock of its only vma: stranded")
    @Outcome(expect = Expect.ACCEPTABLE_INTERESTING, desc = "other inconsistent state")
    @State
    public static class Broken {
        private final Scenario scenario = new Scenario(Variant.BROKEN);

        @Actor
        public void reclaim() {
            scenario.actor1();
        }

        @Actor
        public void exit() {
            scenario.actor2();
        }

        @Arbiter
        public void arbiter(III_Result r) {
            scenario.record(r);
        }

        /** This test's race for the Lincheck check, allocated where Lincheck's instrumentation sees it. */
        public static RaceScenario newScenario() {
            return new Scenario(Variant.BROKEN);
        }
    }

    @JCStressTest
    @RaceVariant(seed = "001", variant = Variant.FIXED)
    @Description("b87537d9: try_to_unmap_one() calls mlock_vma_page() while still holding the pte lock")
    @Ref("b87537d9 mm: rmap use pte lock not mmap_sem to set PageMlocked")
    @Ref("https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/commit/?id=b87537d9")
    @Outcome(id = "0, 0, [01]", expect = Expect.ACCEPTABLE, desc = "munlocked: evictable, VM_LOCKED clear")
    @Outcome(id = "0, -1, 0", expect = Expect.ACCEPTABLE, desc = "VM_LOCKED cleared first: reclaim unmapped and freed it")
    @Outcome(id = "1, 1, .*", expect = Expect.FORBIDDEN,
            desc = "mlocked and unevictable after munlock of its only vma: stranded")
    @Outcome(expect = Expect.FORBIDDEN, desc = "other inconsistent state")
    @State
    public static class Fixed {
        private final Scenario scenario = new Scenario(Variant.FIXED);

        @Actor
        public void reclaim() {
            scenario.actor1();
        }

        @Actor
        public void exit() {
            scenario.actor2();
        }

        @Arbiter
        public void arbiter(III_Result r) {
            scenario.record(r);
        }

        /** This test's race for the Lincheck check, allocated where Lincheck's instrumentation sees it. */
        public static RaceScenario newScenario() {
            return new Scenario(Variant.FIXED);
        }
    }
}
