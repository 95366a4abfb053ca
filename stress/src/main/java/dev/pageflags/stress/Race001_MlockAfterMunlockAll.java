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
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Ref;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

/**
 * Seed 001, race 1 (Vlastimil Babka's, 2015, 4.2): try_to_unmap_one() sets PG_mlocked just after
 * munlock_vma_pages_all() cleared it, so the page stays mlocked and unevictable although no
 * VM_LOCKED vma maps it any more: "leaving PageMlocked and unevictable when it should be
 * evictable", in the words of b87537d9's log.
 *
 * <h2>The race</h2>
 * An anonymous page P is mapped by a VM_LOCKED vma V of a task, and by the vma C of a child it
 * forked: fork does not inherit mlock, so C is not VM_LOCKED. Reclaim holds P (isolated, page
 * locked) and calls try_to_unmap(); the owner of V exits, and exit_mmap() runs
 * munlock_vma_pages_all(V) without mmap_sem, then unmaps V.
 * <pre>
 *   reclaim: try_to_unmap_one(P, V)            exit_mmap(): munlock_vma_pages_all(V)
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
 *                                              unmap_vmas(): zap V's pte; page_remove_rmap(P):
 *                                                C still maps P, so not the last mapping:
 *                                                PG_mlocked stays
 * </pre>
 * mmap_sem does not help (exit_mmap() does not take it), the page lock does not (phase 1 takes
 * none). The pte lock does: munlock takes it after clearing VM_LOCKED, so a reader of VM_LOCKED
 * that mlocks before dropping that lock is either before munlock's phase 1 (which then clears
 * PG_mlocked) or sees VM_LOCKED clear.
 *
 * <h2>Outcome guarded</h2>
 * When both are done V is unmapped, C (never VM_LOCKED) maps P, and P must not be mlocked.
 * Broken: PG_mlocked set and P on the unevictable list, counted in NR_MLOCK. That is for good:
 * exit's munlock has run, no VM_LOCKED vma is left to munlock P, and C's mapping keeps
 * page_remove_rmap() from clearing the bit. With P mapped by V alone the state would heal a moment
 * later, when exit's unmap removes the last mapping and page_remove_rmap() clears PG_mlocked
 * (clear_page_mlock()); so the test runs exit_mmap() on to the unmap and checks after it, and the
 * child's mapping is what makes the stranding last, as it would for any page still mapped
 * elsewhere. Fix: b87537d9 ("mm: rmap use pte lock not mmap_sem to set PageMlocked"):
 * mlock_vma_page() before dropping the pte lock.
 *
 * <p>Each sample starts with reclaim at try_to_unmap() of P (isolated, page locked), which walks V
 * first and C second; the exiting task starts at munlock_vma_pages_all(). Unlike
 * Race001_MlockAfterZap, reclaim does not hold V's pte lock when the sample starts: exit's unmap
 * may remove V's pte before reclaim looks, and page_check_address() must then be able to miss it.
 * The window is narrow in time: exit's clear, two pte-lock sections and phase 1 must all fall
 * between reclaim's second read of VM_LOCKED and its TestSetPageMlocked. Observed counts: the
 * committed reference run, results/reference/stress/summary.md.
 *
 * <p>Result: (PG_mlocked, on the unevictable list (1) / an evictable list (0) / none, freed (-1),
 * NR_MLOCK, mapcount).
 * NR_MLOCK may end at 1 with the page evictable: when reclaim's TestSet comes first, phase 1
 * clears the bit but cannot isolate the page, and 4.2's phase 1 subtracts only isolated pages
 * from NR_MLOCK (fixed later by 70feee0e1ef3). That is a counting bug of its own, not this race.
 *
 * <p>How to run: {@code java -jar stress/target/jcstress.jar -t Race001_MlockAfterMunlockAll -sc false -f 1}
 */
@Outcome(id = Race001_MlockAfterMunlockAll.MUNLOCKED, expect = Expect.ACCEPTABLE,
        desc = "munlocked: evictable, mapped by the child only")
@Outcome(id = Race001_MlockAfterMunlockAll.FREED, expect = Expect.ACCEPTABLE,
        desc = "VM_LOCKED cleared before reclaim trusted it: unmapped from both mms, freed, not mlocked")
@Outcome(expect = Expect.FORBIDDEN, desc = RaceScenario.MODEL_ERROR)
public final class Race001_MlockAfterMunlockAll {
    /** (PG_mlocked, list, NR_MLOCK, mapcount). */
    static final String MUNLOCKED = "0, 0, [01], 1";
    static final String FREED = "0, -1, 0, 0";
    /** The bad end state: mlocked and unevictable, mapped only by the child's vma, which is not VM_LOCKED. */
    static final String STRANDED = "1, 1, 1, 1";
    static final String STRANDED_DESC =
            "mlocked and unevictable, mapped only by a vma that is not VM_LOCKED: stranded for good";

    private Race001_MlockAfterMunlockAll() {
    }

    /** The race, written once; JCStress and the Lincheck checks both drive it. */
    public static class Scenario implements RaceScenario {
        private final LockedVmaUnderReclaim world;

        /** The world with the forked child's mapping; built by the constructor, which Lincheck analyses. */
        public Scenario(Variant variant) {
            world = new LockedVmaUnderReclaim(variant, /* forkedChild */ true);
        }

        /**
         * Reclaim of the page it holds isolated and locked: try_to_unmap() walks the exiting task's
         * vma, then the child's, then the page is filed (put back, or freed if it got unmapped
         * everywhere).
         */
        @Override
        public void actor1() {
            world.reclaimFinishes(world.reclaimTriesToUnmap());
        }

        /** exit_mmap(): munlock_vma_pages_all() of the VM_LOCKED vma, then the unmap of it. */
        @Override
        public void actor2() {
            world.exitMunlocks();
            world.exitUnmaps();
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

        public int mapcount() {
            return world.page.mapcount();
        }

        @Override
        public boolean badEndState() {
            return pageMlocked() && !vmLocked();
        }

        @Override
        public String describeEndState() {
            return world.page + " on " + world.page.lru() + ", vma " + world.vma + ", child's vma "
                    + world.childVma + ", NR_MLOCK " + nrMlock()
                    + (badEndState() ? ": mlocked although no VM_LOCKED vma maps it" : "");
        }

        void record(IIII_Result r) {
            r.r1 = pageMlocked() ? 1 : 0;
            r.r2 = onUnevictableList();
            r.r3 = nrMlock();
            r.r4 = mapcount();
        }
    }

    @JCStressTest
    @JCStressMeta(Race001_MlockAfterMunlockAll.class)
    @RaceVariant(seed = "001", variant = Variant.BROKEN)
    @Description("4.2: try_to_unmap_one() re-reads VM_LOCKED under mmap_sem, which exit_mmap() does not hold, "
            + "and mlocks the page after munlock_vma_pages_all()'s phase 1; a forked child still maps it")
    @Ref("b87537d9 mm: rmap use pte lock not mmap_sem to set PageMlocked (Vlastimil Babka's race in its log)")
    @Outcome(id = STRANDED, expect = Expect.ACCEPTABLE_INTERESTING, desc = STRANDED_DESC)
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
        public void arbiter(IIII_Result r) {
            scenario.record(r);
        }

        /** This test's race for the Lincheck check, allocated where Lincheck's instrumentation sees it. */
        public static RaceScenario newScenario() {
            return new Scenario(Variant.BROKEN);
        }
    }

    /**
     * The fix, b87537d9: the {@link dev.pageflags.mm.Variant} branch in
     * {@link dev.pageflags.mm.vmscan.RmapCommon#tryToUnmapOneLocked}, which calls
     * {@link dev.pageflags.mm.vmscan.MlockCommon#mlockVmaPage} before dropping the pte lock instead of
     * after it, under down_read_trylock(mmap_sem) (the broken {@code out_mlock} path).
     */
    @JCStressTest
    @JCStressMeta(Race001_MlockAfterMunlockAll.class)
    @RaceVariant(seed = "001", variant = Variant.FIXED)
    @Description("b87537d9: try_to_unmap_one() calls mlock_vma_page() while still holding the pte lock")
    @Ref("b87537d9 mm: rmap use pte lock not mmap_sem to set PageMlocked")
    @Ref("https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/commit/?id=b87537d9")
    @Outcome(id = STRANDED, expect = Expect.FORBIDDEN, desc = STRANDED_DESC)
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
        public void arbiter(IIII_Result r) {
            scenario.record(r);
        }

        /** This test's race for the Lincheck check, allocated where Lincheck's instrumentation sees it. */
        public static RaceScenario newScenario() {
            return new Scenario(Variant.FIXED);
        }
    }
}
