package dev.pageflags.stress;

import dev.pageflags.mm.LruList;
import dev.pageflags.mm.Page;
import dev.pageflags.mm.PageFlag;
import dev.pageflags.mm.Variant;
import dev.pageflags.mm.VmStat;
import dev.pageflags.mm.v3_13.SharedFileMapping;
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
 * Seed 000 (January 2014, 3.13): mlock_vma_page() and munlock_vma_page() running at once on one
 * page, because try_to_unmap_cluster() mlocked pages it did not hold locked.
 *
 * <h2>The race</h2>
 * A file page P is mapped by a linear VM_LOCKED vma V0, a nonlinear VM_LOCKED vma V1 and a vma
 * V2 being munlocked; P is not mlocked yet, and sits on the inactive file list. Two paths reach P:
 * <ul>
 *   <li>reclaim of another page of V1's cluster scans V1 and, V1 being VM_LOCKED, calls
 *       mlock_vma_page(P) without P's page lock: TestSetPageMlocked, then isolate_lru_page() and
 *       putback_lru_page();</li>
 *   <li>munlock of V2 calls munlock_vma_page(P) with the page lock: TestClearPageMlocked, then
 *       isolate_lru_page(), and only if that isolation succeeds try_to_munlock(), which finds
 *       V0 VM_LOCKED and mlocks P again, then putback_lru_page().</li>
 * </ul>
 * Interleaving (Linus Torvalds' reply in the seed):
 * <pre>
 *   reclaim (cluster scan, no page lock)     munlock (page locked)
 *   TestSetPageMlocked(P)       -> was 0
 *                                            TestClearPageMlocked(P) -> was 1
 *   isolate_lru_page(P)         -> 0 (won)
 *                                            isolate_lru_page(P) -> -EBUSY (lost):
 *                                              try_to_munlock() is never called
 *   putback_lru_page(P): PG_mlocked clear -> evictable list
 * </pre>
 * Each bit operation is atomic, but atomicity orders only the bit itself, not the code after it:
 * the rest of each function runs in any interleaving with the other, and whoever wins the
 * isolation decides where the page goes.
 *
 * <h2>Outcome guarded</h2>
 * P was mlocked for a VM_LOCKED vma (UNEVICTABLE_PGMLOCKED counted), yet ends with PG_mlocked
 * clear on an evictable list, NR_MLOCK back to 0, while V0 and V1 are still VM_LOCKED. Any
 * serial order of the two paths ends mlocked on the unevictable list; the fixed scan may also
 * skip P while munlock holds its lock, leaving it unmlocked and never counted (mlocked lazily by a
 * later scan).
 *
 * <p>Fix: commit 57e68e9cd65b ("mm: try_to_unmap_cluster() should lock_page() before mlocking"):
 * trylock_page() each page other than the one reclaim already holds, skip it if busy, and keep the
 * BUG_ON(!PageLocked) in mlock_vma_page(). (That BUG_ON is a Java assert in the model, off in
 * JCStress VMs: the broken variant is the code with nothing stopping the unlocked call, as
 * proposed in the seed thread; see MlockCommon.)
 *
 * <h2>Which munlock path</h2>
 * The munlocker here runs {@code lock_page(); munlock_vma_page(); unlock_page();}: munlock_vma_page()
 * under the page lock, as its BUG_ON(!PageLocked) demands and as Linus Torvalds' argument assumes
 * ("this is very much what the page lock serialization would prevent"). In 3.13 that is how
 * munlock_vma_pages_range() treats a THP, and how every caller of munlock_vma_page() must call it.
 * A small page munlocked by munlock(2) takes another path in 3.13: munlock_vma_pages_range()
 * batches it into a pagevec, and __munlock_pagevec() clears PG_mlocked in its phase 1 under the lru
 * lock but without the page lock, which it takes only in phase 2. The fix's trylock_page() does
 * not serialise against that phase 1, so the test drives the page-locked path: the one the fix,
 * and the seed's argument for it, are about. The pagevec path is not modelled here
 * (dev.pageflags.mm.v3_13.SharedFileMapping#munlockPage says the same beside the model).
 *
 * <p>Result: (UNEVICTABLE_PGMLOCKED events, PG_mlocked, on the unevictable list (1) / an
 * evictable list (0), NR_MLOCK).
 *
 * <p>How to run: {@code java -jar stress/target/jcstress.jar -t Race000 -sc false -f 1}
 */
@Outcome(id = Race000_MlockWithoutPageLock.MLOCKED, expect = Expect.ACCEPTABLE,
        desc = "mlocked, on the unevictable list: as after a serial order")
@Outcome(id = Race000_MlockWithoutPageLock.SKIPPED_BUSY, expect = Expect.ACCEPTABLE,
        desc = "never mlocked: the scan skipped the page munlock held locked (a later scan mlocks it)")
@Outcome(expect = Expect.FORBIDDEN, desc = RaceScenario.MODEL_ERROR)
public final class Race000_MlockWithoutPageLock {
    /** (UNEVICTABLE_PGMLOCKED, PG_mlocked, list, NR_MLOCK): mlocked once or twice, on the unevictable list. */
    static final String MLOCKED = "[12], 1, 1, 1";
    static final String SKIPPED_BUSY = "0, 0, 0, 0";
    /** The bad end state: mlocked for a VM_LOCKED vma, then left munlocked on an evictable list. */
    static final String LEFT_EVICTABLE = "1, 0, 0, 0";
    static final String LEFT_EVICTABLE_DESC =
            "mlocked for a VM_LOCKED vma, yet Mlocked clear on an evictable list: try_to_munlock() never ran";

    private Race000_MlockWithoutPageLock() {
    }

    /** The race, written once; JCStress and the Lincheck checks both drive it. */
    public static class Scenario implements RaceScenario {
        private final SharedFileMapping world;

        public Scenario(Variant variant) {
            world = new SharedFileMapping(variant);
        }

        /** Reclaim of the check page scans the nonlinear VM_LOCKED vma's cluster. */
        @Override
        public void actor1() {
            world.reclaimScansCluster();
        }

        /** munlock() of the other vma munlocks the page, holding its page lock. */
        @Override
        public void actor2() {
            world.munlockPage();
        }

        public int mlockedEvents() {
            return (int) world.map.vmstat().read(VmStat.Event.UNEVICTABLE_PGMLOCKED);
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
            boolean mlockedForGood = pageMlocked() && onUnevictableList() == 1 && nrMlock() == 1;
            boolean leftForLater = mlockedEvents() == 0 && !pageMlocked() && onUnevictableList() == 0
                    && nrMlock() == 0;
            return !(mlockedForGood || leftForLater);
        }

        @Override
        public String describeEndState() {
            Page p = world.page;
            return p + " on " + p.lru() + ", NR_MLOCK " + nrMlock() + ", UNEVICTABLE_PGMLOCKED "
                    + mlockedEvents() + (badEndState()
                    ? ": mlocked for a VM_LOCKED vma but left evictable (try_to_munlock never ran)" : "");
        }

        void record(IIII_Result r) {
            r.r1 = mlockedEvents();
            r.r2 = pageMlocked() ? 1 : 0;
            r.r3 = onUnevictableList();
            r.r4 = nrMlock();
        }
    }

    @JCStressTest
    @JCStressMeta(Race000_MlockWithoutPageLock.class)
    @RaceVariant(seed = "000", variant = Variant.BROKEN)
    @Description("3.13: try_to_unmap_cluster() mlocks a page without its page lock while munlock_vma_page() "
            + "munlocks it; the loser of the isolation race skips try_to_munlock()")
    @Ref("seed 000: Linus Torvalds, 2014-01-03, Re: [PATCH] mm/mlock: fix BUG_ON unlocked page for nolinear VMAs")
    @Outcome(id = LEFT_EVICTABLE, expect = Expect.ACCEPTABLE_INTERESTING, desc = LEFT_EVICTABLE_DESC)
    @State
    public static class Broken {
        private final Scenario scenario = new Scenario(Variant.BROKEN);

        @Actor
        public void reclaim() {
            scenario.actor1();
        }

        @Actor
        public void munlock() {
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
     * The fix, 57e68e9cd65b: the {@link dev.pageflags.mm.Variant} branch in
     * {@link dev.pageflags.mm.v3_13.Rmap#tryToUnmapCluster}, which trylocks each page of the
     * cluster other than the one reclaim holds, and skips a busy one, before
     * {@link dev.pageflags.mm.vmscan.MlockCommon#mlockVmaPage}.
     */
    @JCStressTest
    @JCStressMeta(Race000_MlockWithoutPageLock.class)
    @RaceVariant(seed = "000", variant = Variant.FIXED)
    @Description("57e68e9cd65b: try_to_unmap_cluster() trylocks the page before mlock_vma_page() and skips it if busy")
    @Ref("57e68e9cd65b mm: try_to_unmap_cluster() should lock_page() before mlocking")
    @Ref("https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/commit/?id=57e68e9cd65b")
    @Outcome(id = LEFT_EVICTABLE, expect = Expect.FORBIDDEN, desc = LEFT_EVICTABLE_DESC)
    @State
    public static class Fixed {
        private final Scenario scenario = new Scenario(Variant.FIXED);

        @Actor
        public void reclaim() {
            scenario.actor1();
        }

        @Actor
        public void munlock() {
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
