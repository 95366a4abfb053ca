package dev.pageflags.stress;

import dev.pageflags.mm.LruList;
import dev.pageflags.mm.Lruvec;
import dev.pageflags.mm.Filemap;
import dev.pageflags.mm.Page;
import dev.pageflags.mm.Variant;
import dev.pageflags.mm.VmStat;
import dev.pageflags.mm.v2_6_32.FlagLayout;
import dev.pageflags.mm.v2_6_32.Mlock;
import dev.pageflags.mm.v2_6_32.Swap;
import dev.pageflags.mm.v2_6_32.Vmscan;
import dev.pageflags.mm.v2_6_32.Zone;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Ref;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZ_Result;

import static dev.pageflags.mm.PageFlag.PG_locked;
import static dev.pageflags.mm.PageFlag.PG_lru;
import static dev.pageflags.mm.PageFlag.PG_swapbacked;

/*
 * Race 003 (Linux 2.6.32, 2009): the missing smp_mb() in putback_lru_page().
 *
 * Reclaim isolated an anonymous page, found it mlocked (page_evictable() false), dropped the page
 * lock and culls it with putback_lru_page(). At the same time munlock(2) reaches the page: under
 * the page lock, which the putback side does not take, munlock_vma_page() clears PG_mlocked and
 * tries to isolate the page (the seed's patch adds the same steps to zap_pte_range()):
 *
 *   putback_lru_page()                          munlock_vma_page()
 *   add_page_to_unevictable_list():
 *     spin_lock(lru_lock)
 *     SetPageUnevictable; SetPageLRU   (a)
 *     list_add; spin_unlock            (release)
 *                                               TestClearPageMlocked()   (b)  fully ordered
 *                                               isolate_lru_page():
 *                                                 PageLRU()? no          (c)  lockless: (a) not visible
 *                                                 -> -EBUSY, leave the page to the putback side
 *   page_evictable(): PageMlocked()? yes   (d)  (b) not visible
 *   -> leave the page on the unevictable list
 *
 * Each side stores one fact and loads the other's: store buffering (Dekker). The munlocker's
 * test-and-clear is fully ordered, one half of the barrier pair. The putback side has only
 * spin_unlock(), a release: it orders (a) before the unlock's store, never before the later load
 * (d). If (d) reads before (a) is visible while (c) misses (a), the page stays on the unevictable
 * list with PG_mlocked clear: stranded, never reclaimed. The fix, 6a7b95481d49 ("vmscan: order
 * evictable rescue in LRU putback"), puts smp_mb() right after add_page_to_unevictable_list().
 *
 * Three shapes, one scenario, differing only in the word PG_mlocked lives in and the barrier:
 *
 *   SeparateWordsNoBarrier  two words, no smp_mb   like LKMM SB+poonceonces      Sometimes  BROKEN
 *   SeparateWordsSmpMb      two words, smp_mb      like LKMM SB+fencembonceonces Never      FIXED
 *   SameWordNoBarrier       one word, atomic RMWs, no smp_mb: coherence          Never      FIXED
 *
 * The seed asks: "They go to the same word... Help." They do, in 2.6.32: PG_lru and PG_mlocked
 * are both bits of page->flags, and both writes, set_bit() and test_and_clear_bit(), are atomic
 * read-modify-writes. Then coherence alone forbids the bad outcome: the two RMWs of the one word
 * are ordered; the second reads the first's result, and its own side's later load of the word
 * cannot read anything older than that. SameWordNoBarrier checks it. The race needs the two facts
 * in different words. page_evictable() already had one there, AS_UNEVICTABLE in mapping->flags,
 * and the putback comment later named it beside PG_mlocked. The separate-word tests move PG_mlocked
 * to the next word of struct page to show that shape: coherence is per word, not per cache line
 * (dev.pageflags.mm.v2_6_32.FlagLayout).
 *
 * x86, honestly. On x86 every atomic bit operation is LOCK-prefixed, which is a full barrier, and so
 * is every Java RMW (lock cmpxchg). The kernel's own set_bit(PG_lru) would have hidden this race on
 * x86; it bit on arm64 and POWER, where set_bit() is unordered. So in the separate-word shape the
 * model writes the lru-lock bits with one plain store (WRITE_ONCE), which is exactly the ordering
 * an unordered set_bit has, and is safe because in that layout only the lru lock's holder writes
 * page->flags while others can see the page (the munlocker's page lock is taken before the sample
 * and held past it, so PG_locked does not change meanwhile). The unlock is the core SpinLock's setRelease, a plain
 * mov on x86, as spin_unlock() is. The munlocker keeps its fully ordered test-and-clear: a fence on
 * one side only still lets the store buffer reorder the other. For the same reason, on x86
 * SameWordNoBarrier would hold even without coherence (its set_bit is a locked instruction too);
 * coherence is the argument that covers the weakly ordered machines.
 *
 * No sequentially consistent interleaving of these steps strands the page: if (d) comes before (b),
 * then (a) comes before (c) and the munlocker moves the page; otherwise the putback sees PG_mlocked
 * clear. So a checker that explores interleavings under sequential consistency (Lincheck) passes
 * SeparateWordsNoBarrier too; only the store buffer strands the page, on real threads.
 *
 * How to run these tests:
 *   java -jar stress/target/jcstress.jar -t Race003 -sc false -jvmArgs "-XX:+UseParallelGC" \
 *        -f 1 -iters 3 -time 1000
 *
 * Smaller strides make the actors meet far more often: each actor's per-sample time depends on
 * which path it took, so within a stride one runs ahead of the other and they meet mostly at the
 * stride's start. Add -strideSize 4 (or 1) when SeparateWordsNoBarrier must reproduce quickly.
 *
 * Observed on a 2-core AMD EPYC VM, JDK 17, shared with other builds (load average 8-20), with
 * -strideSize 4 and a Page.publish() that does not store when the page is already published
 * (a volatile store inside add_page_to_lru_list() is a full fence on x86 and hides the race):
 *   SeparateWordsNoBarrier: stranded 108 in 2.1M samples, 126 in 3.35M, 49 in 0.64M (about 5e-5)
 *   SeparateWordsSmpMb:     0 in 9.2M; with the smp_mb() removed, 21 in 1.4M (the run fails)
 *   SameWordNoBarrier:      0 in 18.5M
 * With the default stride (256) the broken test stranded 0 to 3 pages per million samples.
 */
@Outcome(id = Race003_PutbackRescueMissingSmpMb.MUNLOCKER_MOVED, expect = Expect.ACCEPTABLE,
        desc = "the munlocker saw PG_lru, isolated the page and put it back on an evictable list")
@Outcome(id = Race003_PutbackRescueMissingSmpMb.PUTBACK_MOVED, expect = Expect.ACCEPTABLE,
        desc = "the munlocker did not isolate the page; the putback saw PG_mlocked clear and moved it itself")
@Outcome(id = Race003_PutbackRescueMissingSmpMb.IMPOSSIBLE, expect = Expect.FORBIDDEN,
        desc = "model error: the munlocker's own putback left the page unevictable")
@Ref("LKML 2009-10-02, Johannes Weiner, Re: [rfc patch 3/3] mm: munlock COW pages on truncation unmap")
@Ref("https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/commit/?id=6a7b95481d49")
@Ref("tools/memory-model/litmus-tests/SB+poonceonces.litmus, SB+fencembonceonces.litmus")
public final class Race003_PutbackRescueMissingSmpMb {
    /** Outcome ids: r1 = the munlocker isolated the page, r2 = the page is stranded on the unevictable list. */
    static final String MUNLOCKER_MOVED = "true, false";
    static final String PUTBACK_MOVED = "false, false";
    static final String STRANDED = "false, true";
    static final String IMPOSSIBLE = "true, true";

    private Race003_PutbackRescueMissingSmpMb() {
    }

    /** What differs between the three tests. */
    public enum Shape {
        /** PG_mlocked in the next word of struct page, no barrier after the unevictable add: SB+poonceonces. */
        SEPARATE_WORDS_NO_BARRIER(FlagLayout.SEPARATE_WORDS, Variant.BROKEN),
        /** The same with the fix's smp_mb(): SB+fencembonceonces. */
        SEPARATE_WORDS_SMP_MB(FlagLayout.SEPARATE_WORDS, Variant.FIXED),
        /** The kernel's layout, one word, atomic RMWs, no barrier: held by coherence. */
        SAME_WORD_NO_BARRIER(FlagLayout.SAME_WORD, Variant.BROKEN);

        final FlagLayout layout;
        final Variant code;

        Shape(FlagLayout layout, Variant code) {
            this.layout = layout;
            this.code = code;
        }
    }

    /**
     * The race, once, for JCStress and Lincheck: actor 1 is reclaim's {@code putback_lru_page()}
     * of the mlocked page it isolated, actor 2 munlock(2)'s {@code munlock_vma_page()} of it.
     */
    public static class Scenario implements RaceScenario {
        private final Page page;
        private final Zone zone;
        private final Vmscan vmscan;
        private final Mlock mlock;
        private boolean munlockerIsolated;

        public Scenario(Shape shape) {
            zone = new Zone(1, shape.layout);
            page = zone.map().page(0);
            vmscan = new Vmscan(zone, new Swap(zone), shape.code);
            mlock = new Mlock(zone, vmscan);

            // An anonymous page mapped by one pte of a VM_LOCKED vma: mlocked, counted in NR_MLOCK.
            page.set(PG_swapbacked);
            page.getPage();
            page.incMapcount();
            zone.flags().testSetPageMlocked(page);
            zone.vmstat().mod(VmStat.Item.NR_MLOCK, 1);
            // Reclaim took it off the inactive list with a reference of its own, found it mlocked
            // and unlocked it (shrink_page_list()'s cull_mlocked). munlock's page walk then locked it.
            page.getPage();
            if (!Filemap.trylockPage(page)) {
                throw new IllegalStateException("setup: page already locked " + page);
            }
        }

        /** Reclaim culls the mlocked page it isolated: shrink_page_list()'s cull_mlocked. */
        @Override
        public void actor1() {
            vmscan.putbackLruPage(page);
        }

        /**
         * munlock(2) of the vma: munlock_vma_pages_range() has the page locked and calls
         * munlock_vma_page(). The sample ends there, before its unlock_page().
         */
        @Override
        public void actor2() {
            munlockerIsolated = mlock.munlockVmaPage(page);
        }

        /** Whether the munlocker saw PG_lru and moved the page itself. */
        public boolean munlockerIsolated() {
            return munlockerIsolated;
        }

        /** On the unevictable list with PG_mlocked clear: reclaim will not look at it again. */
        @Override
        public boolean badEndState() {
            return page.lru() == LruList.LRU_UNEVICTABLE && !zone.flags().pageMlocked(page);
        }

        @Override
        public String describeEndState() {
            return (badEndState() ? "STRANDED: " : "") + "page on " + page.lru() + ", " + page + ", "
                    + zone.flags().describeMlocked(page) + ", NR_MLOCK "
                    + zone.vmstat().read(VmStat.Item.NR_MLOCK) + ", munlocker "
                    + (munlockerIsolated ? "isolated the page" : "did not isolate the page");
        }

        /**
         * Whatever the interleaving, both paths must leave a consistent page: munlocked, on exactly
         * the list its flags name, with only the pte's reference. A failure here is a model error,
         * not the race, and fails the test run.
         */
        public void checkConsistent() {
            boolean ok = !zone.flags().pageMlocked(page)
                    && page.test(PG_locked)
                    && zone.vmstat().read(VmStat.Item.NR_MLOCK) == 0
                    && page.refcount() == 1
                    && page.test(PG_lru)
                    && page.lru() == Lruvec.pageLru(page);
            if (!ok) {
                throw new IllegalStateException("race 003 model left an inconsistent page: " + describeEndState());
            }
        }

        protected final void report(ZZ_Result r) {
            checkConsistent();
            r.r1 = munlockerIsolated;
            r.r2 = badEndState();
        }
    }

    @JCStressTest
    @JCStressMeta(Race003_PutbackRescueMissingSmpMb.class)
    @RaceVariant(seed = "003", variant = Variant.BROKEN)
    @Description("2.6.32 putback_lru_page() without smp_mb(), PG_lru and PG_mlocked in separate words "
            + "(like LKMM SB+poonceonces: Sometimes)")
    @Outcome(id = STRANDED, expect = Expect.ACCEPTABLE_INTERESTING,
            desc = "page stranded on the unevictable list, not mlocked: both sides missed the other's store")
    @State
    public static class SeparateWordsNoBarrier extends Scenario {
        public SeparateWordsNoBarrier() {
            super(Shape.SEPARATE_WORDS_NO_BARRIER);
        }

        @Actor
        public void putback() {
            actor1();
        }

        @Actor
        public void munlock() {
            actor2();
        }

        @Arbiter
        public void endState(ZZ_Result r) {
            report(r);
        }

        /** This test's race for the Lincheck check, allocated where Lincheck's instrumentation sees it. */
        public static RaceScenario newScenario() {
            return new SeparateWordsNoBarrier();
        }
    }

    @JCStressTest
    @JCStressMeta(Race003_PutbackRescueMissingSmpMb.class)
    @RaceVariant(seed = "003", variant = Variant.FIXED)
    @Description("Fixed (6a7b95481d49): smp_mb() after add_page_to_unevictable_list(), separate words "
            + "(like LKMM SB+fencembonceonces: Never)")
    @Outcome(id = STRANDED, expect = Expect.FORBIDDEN,
            desc = "page stranded on the unevictable list, not mlocked: both sides missed the other's store")
    @State
    public static class SeparateWordsSmpMb extends Scenario {
        public SeparateWordsSmpMb() {
            super(Shape.SEPARATE_WORDS_SMP_MB);
        }

        @Actor
        public void putback() {
            actor1();
        }

        @Actor
        public void munlock() {
            actor2();
        }

        @Arbiter
        public void endState(ZZ_Result r) {
            report(r);
        }

        /** This test's race for the Lincheck check, allocated where Lincheck's instrumentation sees it. */
        public static RaceScenario newScenario() {
            return new SeparateWordsSmpMb();
        }
    }

    /*
     * The unfixed putback, but with the kernel's own layout: PG_mlocked beside PG_lru in
     * page->flags, every write of that word an atomic RMW. Graded FIXED: its bad outcome must never
     * appear, and the reason is coherence, not a barrier (see the top comment for what x86 can and
     * cannot tell apart here).
     */
    @JCStressTest
    @JCStressMeta(Race003_PutbackRescueMissingSmpMb.class)
    @RaceVariant(seed = "003", variant = Variant.FIXED)
    @Description("2.6.32 putback_lru_page() without smp_mb(), PG_lru and PG_mlocked in the same word, "
            + "atomic RMWs: coherence forbids the stranding")
    @Outcome(id = STRANDED, expect = Expect.FORBIDDEN,
            desc = "page stranded on the unevictable list, not mlocked: both sides missed the other's store")
    @State
    public static class SameWordNoBarrier extends Scenario {
        public SameWordNoBarrier() {
            super(Shape.SAME_WORD_NO_BARRIER);
        }

        @Actor
        public void putback() {
            actor1();
        }

        @Actor
        public void munlock() {
            actor2();
        }

        @Arbiter
        public void endState(ZZ_Result r) {
            report(r);
        }

        /** This test's race for the Lincheck check, allocated where Lincheck's instrumentation sees it. */
        public static RaceScenario newScenario() {
            return new SameWordNoBarrier();
        }
    }
}
