package dev.pageflags.stress;

import dev.pageflags.mm.Filemap;
import dev.pageflags.mm.MemMap;
import dev.pageflags.mm.Page;
import dev.pageflags.mm.Variant;
import dev.pageflags.mm.WaitPageQueue;
import dev.pageflags.mm.v5_17.BalloonDevInfo;
import dev.pageflags.mm.v5_17.Migrate;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Ref;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZZ_Result;

import static dev.pageflags.mm.PageFlag.PG_locked;

/*
 * Race 004 (Linux 5.17, 2022): a non-atomic __ClearPageIsolated() loses PG_waiters.
 *
 * Compaction isolated a balloon page (a non-LRU movable page, like zsmalloc's), failed to migrate
 * it, and putback_movable_pages() now holds the page lock to hand it back: the driver's
 * putback_page callback, then __ClearPageIsolated(), which reads the whole flags word and writes
 * it back without the bit. The page lock keeps other lock holders out, but not a task waiting for
 * the lock: lock_page() sets PG_waiters in the same word (atomically, under the hashed wait-queue
 * lock) before it queues and sleeps, and unlock_page() wakes sleepers only if PG_waiters is set.
 *
 *   holder: putback_movable_pages()             waiter: lock_page()
 *   (page locked, PG_isolated set)
 *   balloon_page_putback()                      trylock_page() fails
 *   __ClearPageIsolated: old = {locked,isolated}
 *                                               spin_lock(&q->lock); SetPageWaiters(page)
 *                                               trylock fails again; queue; spin_unlock
 *   flags = old & ~isolated = {locked}          <- PG_waiters overwritten
 *   unlock_page(): PG_waiters clear, no wake-up sleeps, and nobody will ever wake it
 *
 * This is the fast test: the waiter runs lock_page()'s trylock and then only the queueing half of
 * __lock_page() (a continuous test must not block), and the arbiter asks whether a queued waiter
 * was woken. The fix made PG_isolated an atomic flag: ClearPageIsolated() keeps the waiter's bit,
 * and the end state is FORBIDDEN. Race004_LockPageWaiterSleepsForever runs the same race with the
 * real, blocking page lock.
 *
 * Each sample starts as isolate_movable_page() and putback_movable_pages()' lock_page() leave the
 * page: PG_isolated set, compaction's reference held, page locked. The holder actor runs the rest
 * of that locked section, unlock_page() and put_page().
 *
 * How to run this test:
 *   java -jar stress/target/jcstress.jar -t Race004_IsolatedClearLosesWaiters -sc false \
 *        -jvmArgs "-XX:+UseParallelGC" -f 1 -iters 3 -time 1000
 *
 * Observed counts: the committed reference run, results/reference/stress/summary.md.
 */
@Outcome(id = Race004_IsolatedClearLosesWaiters.TOOK_LOCK, expect = Expect.ACCEPTABLE,
        desc = "the holder unlocked first: the waiter's trylock took the lock, it never queued")
@Outcome(id = Race004_IsolatedClearLosesWaiters.WOKEN, expect = Expect.ACCEPTABLE,
        desc = "the waiter queued and unlock_page() woke it")
@Outcome(expect = Expect.FORBIDDEN, desc = RaceScenario.MODEL_ERROR)
@Ref("https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/commit/?id=356ea3865687")
@Ref("https://lore.kernel.org/linux-mm/?q=%22fix+race+between+lock+page+and+clear+PG_Isolated%22")
public final class Race004_IsolatedClearLosesWaiters {
    /** queued, woken, page locked at the end. */
    static final String TOOK_LOCK = "false, false, true";
    static final String WOKEN = "true, true, false";
    static final String NEVER_WOKEN = "true, false, false";

    private Race004_IsolatedClearLosesWaiters() {
    }

    /**
     * The race, once, for every driver: actor 1 is the holder finishing
     * {@code putback_movable_pages()}, actor 2 a task entering {@code lock_page()} on the same page.
     */
    public static class Scenario implements RaceScenario {
        private final Page page;
        private final Migrate migrate;
        /** The waiter task's wait_page_queue (the kernel's is on its stack). */
        private final WaitPageQueue wait = new WaitPageQueue();
        private boolean tookLock;
        private boolean queued;

        public Scenario(Variant variant) {
            page = new MemMap(1).page(0);
            // The kernel's page_wait_table is there from boot; made here, the waiter's path allocates only
            // the queue head and entry it always did (MemMap makes its table on first use).
            page.map().waitTable();
            page.getPage(); // the balloon driver's own reference
            BalloonDevInfo balloon = new BalloonDevInfo();
            balloon.balloonPageInsert(page);
            migrate = new Migrate(variant, balloon);
            if (!migrate.isolateMovablePage(page)) {
                throw new IllegalStateException("setup: isolate_movable_page failed on " + page);
            }
            Filemap.lockPage(page); // putback_movable_pages() has taken the page lock
        }

        /** The holder: the rest of putback_movable_pages()' locked section. */
        @Override
        public void actor1() {
            migrate.putbackMovablePage(page);
            Filemap.unlockPage(page);
            page.putPage();
        }

        /** The waiter: lock_page()'s fast path, then the queueing half of __lock_page(), no sleep. */
        @Override
        public void actor2() {
            if (Filemap.trylockPage(page)) {
                tookLock = true;
                return;
            }
            queued = Filemap.queueForPageLock(page, wait);
            tookLock = !queued;
        }

        /** The page both actors work on, for drivers that add lock_page()'s sleeping half. */
        protected final Page page() {
            return page;
        }

        /** The waiter's queued entry, or null when it took the lock without queueing. */
        protected final WaitPageQueue waitEntry() {
            return queued ? wait : null;
        }

        public boolean queued() {
            return queued;
        }

        public boolean woken() {
            return queued && wait.isWoken();
        }

        public boolean pageLocked() {
            return page.test(PG_locked);
        }

        /** A queued waiter nobody woke, on a page nobody holds: it would sleep for ever. */
        @Override
        public boolean badEndState() {
            return queued() && !woken() && !pageLocked();
        }

        @Override
        public String describeEndState() {
            String waiter = tookLock ? "waiter took the lock without sleeping"
                    : woken() ? "waiter queued and woken"
                    : "waiter queued and never woken";
            return waiter + "; " + page;
        }

        protected final void report(ZZZ_Result r) {
            r.r1 = queued();
            r.r2 = woken();
            r.r3 = pageLocked();
        }
    }

    @JCStressTest
    @JCStressMeta(Race004_IsolatedClearLosesWaiters.class)
    @RaceVariant(seed = "004", variant = Variant.BROKEN)
    @Description("5.17: putback_movable_pages() clears PG_isolated with the non-atomic __ClearPageIsolated() "
            + "while a lock_page() caller sets PG_waiters and queues")
    @Outcome(id = NEVER_WOKEN, expect = Expect.ACCEPTABLE_INTERESTING,
            desc = "waiter never woken (PG_waiters lost): it would sleep for ever")
    @State
    public static class Broken extends Scenario {
        public Broken() {
            super(Variant.BROKEN);
        }

        @Actor
        public void holder() {
            actor1();
        }

        @Actor
        public void waiter() {
            actor2();
        }

        @Arbiter
        public void endState(ZZZ_Result r) {
            report(r);
        }

        /** This test's race for the Lincheck check, allocated where Lincheck's instrumentation sees it. */
        public static RaceScenario newScenario() {
            return new Broken();
        }
    }

    /**
     * The fix, 356ea3865687: the {@link dev.pageflags.mm.Variant} branch in
     * {@link dev.pageflags.mm.v5_17.IsolatedPageFlag#clearPageIsolated}, where
     * {@code __ClearPageIsolated()} (the non-atomic {@link dev.pageflags.mm.Bitops#__clearBit})
     * becomes {@code ClearPageIsolated()} (the atomic {@link dev.pageflags.mm.Bitops#clearBit}).
     */
    @JCStressTest
    @JCStressMeta(Race004_IsolatedClearLosesWaiters.class)
    @RaceVariant(seed = "004", variant = Variant.FIXED)
    @Description("Fixed (356ea3865687): PG_isolated is an atomic flag, ClearPageIsolated() keeps PG_waiters")
    @Outcome(id = NEVER_WOKEN, expect = Expect.FORBIDDEN,
            desc = "waiter never woken (PG_waiters lost): it would sleep for ever")
    @State
    public static class Fixed extends Scenario {
        public Fixed() {
            super(Variant.FIXED);
        }

        @Actor
        public void holder() {
            actor1();
        }

        @Actor
        public void waiter() {
            actor2();
        }

        @Arbiter
        public void endState(ZZZ_Result r) {
            report(r);
        }

        /** This test's race for the Lincheck check, allocated where Lincheck's instrumentation sees it. */
        public static RaceScenario newScenario() {
            return new Fixed();
        }
    }
}
