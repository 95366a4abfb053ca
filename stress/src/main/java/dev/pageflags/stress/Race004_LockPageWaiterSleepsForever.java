package dev.pageflags.stress;

import dev.pageflags.mm.Filemap;
import dev.pageflags.mm.MemMap;
import dev.pageflags.mm.Page;
import dev.pageflags.mm.SpinLock;
import dev.pageflags.mm.Variant;
import dev.pageflags.mm.WaitPageQueue;
import dev.pageflags.mm.v5_17.BalloonDevInfo;
import dev.pageflags.mm.v5_17.Migrate;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Ref;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

import java.util.ArrayList;
import java.util.List;

import static dev.pageflags.mm.PageFlag.PG_locked;
import static dev.pageflags.mm.PageFlag.PG_waiters;

/*
 * Race 004 (Linux 5.17, 2022) with the real, blocking page lock: the lost wake-up leaves a
 * lock_page() caller asleep for ever.
 *
 * Race004_IsolatedClearLosesWaiters tells the race: under the page lock, 5.17's migration code
 * rewrites the flags word non-atomically to set or clear PG_isolated, and can overwrite the
 * PG_waiters bit that a task waiting for the same lock has just set; unlock_page() then sees no
 * waiters and wakes nobody. Here the waiter really sleeps (LockSupport.park, no timeout), so the
 * bad outcome is a thread that never comes back: JCStress's termination mode reports it as STALE.
 *
 * Why a sample holds many rounds:
 *   Mode.Termination starts the @Actor thread, polls with 1 ms sleeps until it has started, and
 *   only then calls @Signal. A single hand-over per sample would always find the waiter asleep,
 *   PG_waiters set long before the holder's read-modify-write: no race. So a sample replays what
 *   a machine under memory pressure does. Compaction keeps finding the same balloon page, isolates
 *   it (isolate_movable_page: trylock_page, balloon_page_isolate, __SetPageIsolated, unlock_page),
 *   fails to migrate it and puts it back (putback_movable_pages: lock_page, balloon_page_putback,
 *   __ClearPageIsolated, unlock_page), COMPACTION_ROUNDS times; meanwhile another task takes and
 *   releases the page lock with lock_page() until compaction is done. Both non-atomic updates can
 *   lose the waiter's PG_waiters. Once lost, no later unlock_page() finds the bit, so the waiter
 *   never learns that compaction finished. Both loops run freely: nothing waits, spins or
 *   yields, in the model or around it.
 *
 * CPUs: JCStress 0.16 runs each fork under taskset with one CPU per @Actor, and the @Signal runs on
 * the fork's main thread: a termination test gets ONE CPU. The two loops then only interleave
 * where the scheduler preempts one of them, and a lost wake-up needs the holder preempted between
 * the load and the store of its non-atomic update. That still happens, mostly in the first
 * samples while the code is interpreted, but not in every fork. With -af NONE the fork may use
 * both CPUs and the loops race for real; the suite's budgets run this test with -af NONE.
 * Observed counts (samples, STALE forks): the committed reference run,
 * results/reference/stress/summary.md.
 *
 * Cost: JCStress waits max(2 x -time, 30 s) for a stale actor, then ends the fork ("Have stale
 * threads, forcing VM to exit"), skipping its remaining iterations. The broken variant takes about
 * 30 s plus the time to the first hang; the fixed variant terminates every sample.
 *
 * How to run this test:
 *   java -jar stress/target/jcstress.jar -t Race004_LockPageWaiterSleepsForever -af NONE -sc false \
 *        -jvmArgs "-XX:+UseParallelGC" -f 1 -iters 3 -time 1000
 */
@Outcome(id = "TERMINATED", expect = Expect.ACCEPTABLE,
        desc = "every lock_page() returned: each waiter that slept was woken")
@Outcome(expect = Expect.FORBIDDEN, desc = RaceScenario.MODEL_ERROR)
@Ref("https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/commit/?id=356ea3865687")
@Ref("https://lore.kernel.org/linux-mm/?q=%22fix+race+between+lock+page+and+clear+PG_Isolated%22")
public final class Race004_LockPageWaiterSleepsForever {
    /** Isolate-and-put-back rounds per sample. */
    static final int COMPACTION_ROUNDS = 10_000;

    private Race004_LockPageWaiterSleepsForever() {
    }

    /**
     * Actor 1 is compaction cycling the page through isolation and put-back; actor 2 a task taking
     * and releasing the page lock with {@code lock_page()} until compaction is done.
     */
    public static class Scenario implements RaceScenario {
        private final Page page;
        private final Migrate migrate;
        private final int compactionRounds;

        private volatile boolean compactionDone;

        /** The waiting task's wait_page_queue, reused by each of its lock_page() calls as the kernel's stack slot is. */
        private final WaitPageQueue wait = new WaitPageQueue();

        /** The waiter's queue entry while it sleeps in lock_page(), for {@link #badEndState()}. */
        private volatile WaitPageQueue sleeping;

        public Scenario(Variant variant, int compactionRounds) {
            page = new MemMap(1).page(0);
            // The kernel's page_wait_table is there from boot; made here, the waiter's path allocates only
            // the queue head and entry it always did (MemMap makes its table on first use).
            page.map().waitTable();
            page.getPage(); // the balloon driver's own reference
            BalloonDevInfo balloon = new BalloonDevInfo();
            balloon.balloonPageInsert(page);
            migrate = new Migrate(variant, balloon);
            this.compactionRounds = compactionRounds;
        }

        /**
         * Compaction: isolate the page, fail to migrate it (migrate_pages() is not modelled), put it
         * back, as compact_zone() does with a movable page it cannot move.
         */
        @Override
        public void actor1() {
            List<Page> migratepages = new ArrayList<>(1);
            for (int round = 0; round < compactionRounds; round++) {
                if (migrate.isolateMovablePage(page)) {
                    migratepages.add(page);
                    migrate.putbackMovablePages(migratepages);
                }
            }
            compactionDone = true;
        }

        /** A task using the page: lock_page() then unlock_page(), at least once and until compaction is done. */
        @Override
        public void actor2() {
            do {
                lockPage();
                Filemap.unlockPage(page);
            } while (!compactionDone);
        }

        /**
         * lock_page() as {@link Filemap#lockPage} runs it (trylock_page, else the two halves of
         * __lock_page), with the queued entry published while the task sleeps.
         */
        private void lockPage() {
            if (Filemap.trylockPage(page)) {
                return;
            }
            if (Filemap.queueForPageLock(page, wait)) {
                sleeping = wait;
                Filemap.sleepOnPageLock(wait);
                sleeping = null;
            }
        }

        /**
         * Under the hashed wait-queue lock: the waiter is queued and was never woken, nobody holds
         * the page, and PG_waiters is clear. A waker clears PG_waiters only under this lock and
         * only when no waiter of the page is left, so this state means the bit was overwritten;
         * once compaction is done nobody is left to wake the waiter.
         */
        private boolean lostWakeup() {
            WaitPageQueue wait = sleeping;
            if (wait == null) {
                return false;
            }
            SpinLock q = page.map().waitTable().pageWaitqueue(page).lock();
            q.lock();
            try {
                return wait.isQueued() && !wait.isWoken() && !page.test(PG_locked) && !page.test(PG_waiters);
            } finally {
                q.unlock();
            }
        }

        /**
         * The waiter sleeps for good: queued, never woken, on a page nobody holds, with PG_waiters
         * lost. Meaningful while actor 2 is still parked (a watchdog, or a model checker that stops
         * a parked thread); after both actors returned it is false.
         */
        @Override
        public boolean badEndState() {
            return lostWakeup();
        }

        @Override
        public String describeEndState() {
            return (lostWakeup() ? "waiter queued, never woken, PG_waiters lost"
                    : compactionDone ? "compaction done, no lost wake-up seen" : "compaction running")
                    + "; " + page;
        }
    }

    @JCStressTest(Mode.Termination)
    @JCStressMeta(Race004_LockPageWaiterSleepsForever.class)
    @RaceVariant(seed = "004", variant = Variant.BROKEN)
    @Description("5.17: compaction sets and clears PG_isolated non-atomically under the page lock "
            + "while another task sleeps in lock_page() on the same page")
    @Outcome(id = "STALE", expect = Expect.ACCEPTABLE_INTERESTING,
            desc = "waiter parked forever: unlock_page() found PG_waiters lost and woke nobody")
    @State
    public static class Broken extends Scenario {
        public Broken() {
            super(Variant.BROKEN, COMPACTION_ROUNDS);
        }

        @Actor
        public void waiter() {
            actor2();
        }

        @Signal
        public void compaction() {
            actor1();
        }

        /** This test's race for the Lincheck check: one compaction round is all a model checker needs. */
        public static RaceScenario newScenario() {
            return new Scenario(Variant.BROKEN, 1);
        }
    }

    /**
     * The fix, 356ea3865687: the {@link dev.pageflags.mm.Variant} branches in
     * {@link dev.pageflags.mm.v5_17.IsolatedPageFlag#setPageIsolated} and
     * {@link dev.pageflags.mm.v5_17.IsolatedPageFlag#clearPageIsolated}: the atomic
     * SetPageIsolated() / ClearPageIsolated() in place of the non-atomic {@code __} forms.
     */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(Race004_LockPageWaiterSleepsForever.class)
    @RaceVariant(seed = "004", variant = Variant.FIXED)
    @Description("Fixed (356ea3865687): SetPageIsolated()/ClearPageIsolated() are atomic, no wake-up is lost")
    @Outcome(id = "STALE", expect = Expect.FORBIDDEN,
            desc = "waiter parked forever: unlock_page() found PG_waiters lost and woke nobody")
    @State
    public static class Fixed extends Scenario {
        public Fixed() {
            super(Variant.FIXED, COMPACTION_ROUNDS);
        }

        @Actor
        public void waiter() {
            actor2();
        }

        @Signal
        public void compaction() {
            actor1();
        }

        /** This test's race for the Lincheck check: one compaction round is all a model checker needs. */
        public static RaceScenario newScenario() {
            return new Scenario(Variant.FIXED, 1);
        }
    }
}
