package dev.pageflags.stress;

import dev.pageflags.mm.PageFlag;
import dev.pageflags.mm.Variant;
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
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Seed 001, race 2 (truncation, 2015, 4.2): try_to_unmap_one() sets PG_mlocked just after
 * zap_pte_range() unmapped the page, and the page is freed mlocked: "Bad page state (mlocked)".
 *
 * <h2>The race</h2>
 * Reclaim holds an anonymous COW page P of a private VM_LOCKED file mapping V (isolated, page
 * locked) and calls try_to_unmap(). The file is truncated: unmap_mapping_range() zaps even the
 * private COWs, under i_mmap_rwsem and the pte lock, not mmap_sem.
 * <pre>
 *   reclaim: try_to_unmap_one(P, V)            truncate: zap_pte_range(V)
 *   pte lock; pte maps P; VM_LOCKED set
 *   pte unlock -> out_mlock
 *                                              pte lock
 *                                              ptep_get_and_clear(): pte gone
 *                                              page_remove_rmap(P): last mapping,
 *                                                PG_mlocked clear: nothing to clear
 *                                              pte unlock; tlb_finish_mmu(): put_page
 *   down_read_trylock(mmap_sem) -> ok
 *   VM_LOCKED still set (truncation does not clear it)
 *   mlock_vma_page(P): TestSetPageMlocked -> set
 *   ... reclaim drops the last reference: P freed with PG_mlocked set
 * </pre>
 * With b87537d9 mlock_vma_page() runs before the pte lock is dropped: either the zap comes after
 * and page_remove_rmap() clears PG_mlocked (clear_page_mlock()), or the zap came first and
 * try_to_unmap_one() finds no pte.
 *
 * <p>Each sample starts with reclaim inside try_to_unmap_one(), holding the pte lock it took in
 * page_check_address() (the same program point in both variants); truncation starts at
 * zap_pte_range() and so waits for that lock.
 *
 * <h2>Outcome guarded</h2>
 * The pte is gone and PG_mlocked is set; freeing the page reports "Bad page state (mlocked)"
 * through the model's put_page() check, and NR_MLOCK keeps counting a page that no longer exists.
 *
 * <p>Result: (PG_mlocked when both are done, "Bad page state" reported at free, NR_MLOCK).
 *
 * <p>How to run: {@code java -jar stress/target/jcstress.jar -t Race001_MlockAfterZap -sc false -f 1}
 */
@Outcome(id = Race001_MlockAfterZap.FREED_CLEAN, expect = Expect.ACCEPTABLE, desc = "freed cleanly, not mlocked")
@Outcome(expect = Expect.FORBIDDEN, desc = RaceScenario.MODEL_ERROR)
public final class Race001_MlockAfterZap {
    /** (PG_mlocked when both are done, "Bad page state" reported at free, NR_MLOCK). */
    static final String FREED_CLEAN = "0, 0, 0";
    /** The bad end state: mlocked after the zap, freed mlocked, still counted in NR_MLOCK. */
    static final String FREED_MLOCKED = "1, 1, 1";
    static final String FREED_MLOCKED_DESC = "mlocked after its pte was zapped: Bad page state (mlocked) at free";

    private Race001_MlockAfterZap() {
    }

    /** The race, written once; JCStress and the Lincheck checks both drive it. */
    public static class Scenario implements RaceScenario {
        private final LockedVmaUnderReclaim world;
        private boolean mlockedWhenDone;
        private boolean freed;

        public Scenario(Variant variant) {
            world = new LockedVmaUnderReclaim(variant);
            world.reclaimFindsPte();
        }

        /** Reclaim, from inside try_to_unmap_one() with the pte lock held: decide on VM_LOCKED. */
        @Override
        public void actor1() {
            world.reclaimContinuesUnmap();
        }

        /** Truncation: zap_pte_range() of the vma, then the TLB flush drops the pte's reference. */
        @Override
        public void actor2() {
            world.truncateZaps();
        }

        /** After both actors: note the flags, then reclaim lets go of the page and it is freed. */
        public void finish() {
            if (!freed) {
                mlockedWhenDone = world.page.test(PageFlag.PG_mlocked);
                world.reclaimReleasesPage();
                freed = true;
            }
        }

        public boolean badPageReported() {
            return !world.map.badPages().isEmpty();
        }

        public int nrMlock() {
            return (int) world.map.vmstat().read(VmStat.Item.NR_MLOCK);
        }

        @Override
        public boolean badEndState() {
            finish();
            return mlockedWhenDone || badPageReported();
        }

        @Override
        public String describeEndState() {
            finish();
            return (mlockedWhenDone ? "pte gone, page mlocked" : "pte gone, page not mlocked") + ", NR_MLOCK "
                    + nrMlock() + (badPageReported() ? ": " + world.map.badPages().get(0) : ", freed cleanly");
        }

        void record(III_Result r) {
            finish();
            r.r1 = mlockedWhenDone ? 1 : 0;
            r.r2 = badPageReported() ? 1 : 0;
            r.r3 = nrMlock();
        }
    }

    @JCStressTest
    @JCStressMeta(Race001_MlockAfterZap.class)
    @RaceVariant(seed = "001", variant = Variant.BROKEN)
    @Description("4.2: try_to_unmap_one() mlocks a page after truncation's zap_pte_range() unmapped it; "
            + "the page is freed mlocked")
    @Ref("b87537d9 mm: rmap use pte lock not mmap_sem to set PageMlocked (truncation race in its log)")
    @Outcome(id = FREED_MLOCKED, expect = Expect.ACCEPTABLE_INTERESTING, desc = FREED_MLOCKED_DESC)
    @State
    public static class Broken {
        private final Scenario scenario = new Scenario(Variant.BROKEN);

        @Actor
        public void reclaim() {
            scenario.actor1();
        }

        @Actor
        public void truncate() {
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

    /**
     * The fix, b87537d9: the {@link dev.pageflags.mm.Variant} branch in
     * {@link dev.pageflags.mm.vmscan.RmapCommon#tryToUnmapOneLocked}, which calls
     * {@link dev.pageflags.mm.vmscan.MlockCommon#mlockVmaPage} before dropping the pte lock instead of
     * after it, under down_read_trylock(mmap_sem) (the broken {@code out_mlock} path).
     */
    @JCStressTest
    @JCStressMeta(Race001_MlockAfterZap.class)
    @RaceVariant(seed = "001", variant = Variant.FIXED)
    @Description("b87537d9: try_to_unmap_one() mlocks under the pte lock, which the zap holds while it unmaps")
    @Ref("b87537d9 mm: rmap use pte lock not mmap_sem to set PageMlocked")
    @Ref("https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/commit/?id=b87537d9")
    @Outcome(id = FREED_MLOCKED, expect = Expect.FORBIDDEN, desc = FREED_MLOCKED_DESC)
    @State
    public static class Fixed {
        private final Scenario scenario = new Scenario(Variant.FIXED);

        @Actor
        public void reclaim() {
            scenario.actor1();
        }

        @Actor
        public void truncate() {
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
