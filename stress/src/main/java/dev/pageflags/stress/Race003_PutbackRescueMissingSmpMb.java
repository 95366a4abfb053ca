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
 * Race 003 (2009, the 2.6.32 cycle): the smp_mb() that 6a7b95481d49 put in putback_lru_page().
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
 *                                               TestClearPageMlocked()   (b)  fully ordered RMW
 *                                               isolate_lru_page():
 *                                                 PageLRU()? no          (c)  lockless: (a) not visible
 *                                                 -> -EBUSY, leave the page to the putback side
 *   page_evictable(): PageMlocked()? yes   (d)  (b) not visible
 *   -> leave the page on the unevictable list
 *
 * The shape, in LKMM terms. The munlocking side is a fully ordered RMW followed by a load: a
 * value-returning atomic acts as smp_mb() before and after it, so (b) is ordered before (c). The
 * putback side is a store followed by a load; the store sits inside a lock section, and
 * spin_unlock() is a release, which orders (a) before the unlock but not before the later load
 * (d). That is store buffering with a full barrier on one side only: between LKMM's
 * SB+poonceonces (no barrier on either side, Sometimes) and SB+fencembonceonces (smp_mb() on both
 * sides, Never), and, like the first, allowed: in litmus naming, SB+fencembonceonce+poonceonce.
 * If (d) misses (b) while (c) misses (a), the page stays on the unevictable list with PG_mlocked
 * clear: stranded, never reclaimed. The fix, 6a7b95481d49 ("vmscan: order evictable rescue in LRU
 * putback"), puts smp_mb() right after add_page_to_unevictable_list(), which turns the putback
 * side into a fenced one as well: SB+fencembonceonces, Never.
 *
 * But in the kernel both facts are bits of ONE word. The seed asks it: "They go to the same
 * word... Help." In 2.6.32 PG_lru and PG_mlocked are both bits of page->flags, and both writes,
 * set_bit() and test_and_clear_bit(), are atomic read-modify-writes of it. Then coherence alone
 * forbids the stranding, barrier or not, on any architecture LKMM describes: the two RMWs are
 * ordered in the word's coherence order, the later one reads the earlier one's result, and the
 * later side's own load of the word, after its RMW, cannot read anything older. Store buffering
 * needs two locations. So the tests are:
 *
 *   KernelLayoutNoBarrier        one word, atomic RMWs, no smp_mb()    coherence            never seen
 *                                (2.6.32 as it was)                                         SAFE_BY_COHERENCE
 *   HypotheticalLayoutNoBarrier  PG_mlocked in another word, no smp_mb()
 *                                SB+fencembonceonce+poonceonce         Sometimes            BROKEN: seen
 *   HypotheticalLayoutSmpMb      PG_mlocked in another word, smp_mb()
 *                                SB+fencembonceonces                   Never                FIXED: never seen
 *   HypotheticalLayoutSetBitNoBarrier
 *                                as HypotheticalLayoutNoBarrier, PG_lru set with the kernel's own set_bit
 *                                SB+fencembonceonce+poonceonce         Sometimes            BROKEN: seen, aarch64 only
 *
 * The hypothetical layout is the one of Johannes Weiner's question in the seed ("I could also
 * imagine setting one bit is independent of reading another one"): PG_mlocked moved to the next
 * word of struct page (dev.pageflags.mm.v2_6_32.FlagLayout). page_evictable() did read one fact
 * from another word, AS_UNEVICTABLE in mapping->flags, which the putback comment later named beside
 * PG_mlocked; the model keeps to PG_mlocked. In that layout only the lru lock's holder writes
 * page->flags while others can reach the page, so the model gives set_bit(PG_lru) exactly the
 * ordering LKMM gives set_bit, none: one opaque store under the lock (WRITE_ONCE). The unlock is the
 * model's SpinLock setRelease, a plain mov on x86, as spin_unlock() is. The munlocker keeps its
 * fully ordered test-and-clear.
 *
 * What x86 can and cannot tell. Java has no unordered atomic RMW on x86: every one is a lock
 * cmpxchg, a full barrier there, like the kernel's lock-prefixed set_bit. So KernelLayoutNoBarrier,
 * whose putback side sets PG_lru with such an RMW, would hold on this machine even if the two bits
 * lived in different words: on x86 the test cannot tell coherence from the locked instruction's
 * fence. It is graded "safe by coherence" (RaceVariant.Claim.SAFE_BY_COHERENCE) because coherence
 * is the argument that covers every architecture, not because x86 demonstrates it. No source in
 * the seed or the commit names an architecture on which the unfixed kernel lost a page, and this
 * project claims none.
 *
 * Where an atomic RMW is unordered in hardware, the stand-in store is not needed. On arm64 the
 * kernel's set_bit is an unordered atomic (LKMM gives it no ordering and the arm64 kernel adds
 * none), and a Java release-mode CAS (the model's Bitops.setBit) promises nothing against a later
 * load either. HypotheticalLayoutSetBitNoBarrier is therefore the separate-word layout with the real
 * atomic set_bit(PG_lru) under the lru lock (FlagLayout.SEPARATE_WORDS_SET_BIT), graded like
 * HypotheticalLayoutNoBarrier: the stranded page must be seen. It runs only where os.arch is
 * aarch64 (RaceVariant.arch). On x86 it would never show the state, because the locked cmpxchg is
 * a full barrier, so there the runner reports it not-run, never passed. It is untested here: these
 * machines are x86. The fleet workflow's arm64 job (.github/workflows/fleet.yml) is where it runs;
 * whether HotSpot's code for a release CAS on arm64 is weak enough to show it is what that run
 * will say.
 *
 * No sequentially consistent interleaving of these steps strands the page: if (d) comes before (b),
 * then (a) comes before (c) and the munlocker moves the page; otherwise the putback sees PG_mlocked
 * clear. So a checker that explores interleavings under sequential consistency (Lincheck) passes
 * HypotheticalLayoutNoBarrier too; only the store buffer strands the page, on real threads.
 *
 * How to run these tests:
 *   java -jar stress/target/jcstress.jar -t Race003 -sc false -jvmArgs "-XX:+UseParallelGC" \
 *        -f 1 -iters 3 -time 1000 -strideSize 4
 *
 * Smaller strides make the actors meet far more often: each actor's per-sample time depends on
 * which path it took, so within a stride one runs ahead of the other and they meet mostly at the
 * stride's start. With the default stride (256) the broken test strands a page far more rarely.
 * A Page.publish() that stores when the page is already published would hide the race: a volatile
 * store inside add_page_to_lru_list() is a full fence on x86.
 *
 * Observed counts: the committed reference run, results/reference/stress/summary.md (and the
 * per-test HTML reports beside it).
 */
@Outcome(id = Race003_PutbackRescueMissingSmpMb.MUNLOCKER_MOVED, expect = Expect.ACCEPTABLE,
        desc = "the munlocker saw PG_lru, isolated the page and put it back on an evictable list")
@Outcome(id = Race003_PutbackRescueMissingSmpMb.PUTBACK_MOVED, expect = Expect.ACCEPTABLE,
        desc = "the munlocker did not isolate the page; the putback saw PG_mlocked clear and moved it itself")
@Outcome(expect = Expect.FORBIDDEN, desc = RaceScenario.MODEL_ERROR)
@Ref("LKML 2009-10-02, Johannes Weiner, Re: [rfc patch 3/3] mm: munlock COW pages on truncation unmap")
@Ref("https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/commit/?id=6a7b95481d49")
@Ref("tools/memory-model/litmus-tests/SB+poonceonces.litmus, SB+fencembonceonces.litmus")
public final class Race003_PutbackRescueMissingSmpMb {
    /** Outcome ids: r1 = the munlocker isolated the page, r2 = the page is stranded on the unevictable list. */
    static final String MUNLOCKER_MOVED = "true, false";
    static final String PUTBACK_MOVED = "false, false";
    static final String STRANDED = "false, true";
    static final String STRANDED_DESC =
            "page stranded on the unevictable list, not mlocked: both sides missed the other's store";
    // "true, true" (the munlocker's own putback left the page unevictable) is no interleaving's
    // result: it falls into the catch-all, a model error.

    private Race003_PutbackRescueMissingSmpMb() {
    }

    /** What differs between the four tests. */
    public enum Shape {
        /** The kernel's layout: both bits in page->flags, atomic RMWs, no barrier. Safe by coherence. */
        KERNEL_LAYOUT_NO_BARRIER(FlagLayout.SAME_WORD, Variant.BROKEN),
        /** PG_mlocked in the next word of struct page, no barrier: SB+fencembonceonce+poonceonce. */
        HYPOTHETICAL_LAYOUT_NO_BARRIER(FlagLayout.SEPARATE_WORDS, Variant.BROKEN),
        /** The same with the fix's smp_mb(): SB+fencembonceonces. */
        HYPOTHETICAL_LAYOUT_SMP_MB(FlagLayout.SEPARATE_WORDS, Variant.FIXED),
        /** PG_mlocked in the next word, PG_lru set with the kernel's atomic set_bit, no barrier. */
        HYPOTHETICAL_LAYOUT_SET_BIT_NO_BARRIER(FlagLayout.SEPARATE_WORDS_SET_BIT, Variant.BROKEN);

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
    @Description("Hypothetical layout, PG_mlocked in another word than PG_lru, putback_lru_page() without "
            + "smp_mb(): store buffering with a full barrier on the munlocker's side only (Sometimes)")
    @Outcome(id = STRANDED, expect = Expect.ACCEPTABLE_INTERESTING,
            desc = STRANDED_DESC)
    @State
    public static class HypotheticalLayoutNoBarrier extends Scenario {
        public HypotheticalLayoutNoBarrier() {
            super(Shape.HYPOTHETICAL_LAYOUT_NO_BARRIER);
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
            return new HypotheticalLayoutNoBarrier();
        }
    }

    /**
     * The fix, 6a7b95481d49: the {@code smp_mb()} after {@code add_page_to_unevictable_list()}, the
     * one {@link dev.pageflags.mm.Variant} branch in
     * {@link dev.pageflags.mm.v2_6_32.Vmscan#putbackLruPage}; its other half is the munlocker's fully
     * ordered {@link dev.pageflags.mm.v2_6_32.UnevictableFlags#testClearPageMlocked}.
     */
    @JCStressTest
    @JCStressMeta(Race003_PutbackRescueMissingSmpMb.class)
    @RaceVariant(seed = "003", variant = Variant.FIXED)
    @Description("Hypothetical layout with the fix (6a7b95481d49): smp_mb() after add_page_to_unevictable_list(), "
            + "a full barrier on both sides (SB+fencembonceonces: Never)")
    @Outcome(id = STRANDED, expect = Expect.FORBIDDEN,
            desc = STRANDED_DESC)
    @State
    public static class HypotheticalLayoutSmpMb extends Scenario {
        public HypotheticalLayoutSmpMb() {
            super(Shape.HYPOTHETICAL_LAYOUT_SMP_MB);
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
            return new HypotheticalLayoutSmpMb();
        }
    }

    /**
     * The hypothetical layout with the kernel's own instruction: {@code SetPageLRU} in
     * {@code add_page_to_unevictable_list()} is the atomic {@code set_bit}, unordered, where
     * {@link HypotheticalLayoutNoBarrier} has one store in its place. The one changed line is the
     * branch in {@link dev.pageflags.mm.v2_6_32.UnevictableFlags#setUnderLruLock}. On x86 this test
     * would never show the stranded page (the locked cmpxchg is a full barrier), so it runs only on
     * aarch64; it is untested on these x86 machines (see the top comment).
     */
    @JCStressTest
    @JCStressMeta(Race003_PutbackRescueMissingSmpMb.class)
    @RaceVariant(seed = "003", variant = Variant.BROKEN, arch = "aarch64",
            archReason = "x86's locked RMW orders the store")
    @Description("Hypothetical layout, PG_mlocked in another word than PG_lru, PG_lru set with the kernel's atomic "
            + "set_bit (unordered), putback_lru_page() without smp_mb(): store buffering where the RMW is unordered "
            + "(aarch64 only)")
    @Outcome(id = STRANDED, expect = Expect.ACCEPTABLE_INTERESTING,
            desc = STRANDED_DESC)
    @State
    public static class HypotheticalLayoutSetBitNoBarrier extends Scenario {
        public HypotheticalLayoutSetBitNoBarrier() {
            super(Shape.HYPOTHETICAL_LAYOUT_SET_BIT_NO_BARRIER);
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
            return new HypotheticalLayoutSetBitNoBarrier();
        }
    }

    /*
     * The kernel as it was: the unfixed putback with the kernel's own layout, PG_mlocked beside
     * PG_lru in page->flags, every write of that word an atomic RMW. It never had the fix and needs
     * none: its bad outcome must never appear, and the reason is coherence, not a barrier. On x86
     * this test cannot tell coherence from the fence of the locked instruction (see the top comment).
     */
    @JCStressTest
    @JCStressMeta(Race003_PutbackRescueMissingSmpMb.class)
    @RaceVariant(seed = "003", variant = Variant.BROKEN, claim = RaceVariant.Claim.SAFE_BY_COHERENCE)
    @Description("The kernel's layout: 2.6.32 putback_lru_page() without smp_mb(), PG_lru and PG_mlocked in "
            + "page->flags, atomic RMWs: safe by coherence (on x86 indistinguishable from the locked RMW's fence)")
    @Outcome(id = STRANDED, expect = Expect.FORBIDDEN,
            desc = STRANDED_DESC)
    @State
    public static class KernelLayoutNoBarrier extends Scenario {
        public KernelLayoutNoBarrier() {
            super(Shape.KERNEL_LAYOUT_NO_BARRIER);
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
            return new KernelLayoutNoBarrier();
        }
    }
}
