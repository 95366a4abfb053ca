package dev.pageflags.mm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import static dev.pageflags.mm.PageFlag.PG_locked;
import static dev.pageflags.mm.PageFlag.PG_waiters;

/**
 * Runs page-lock workers and tells a lost wake-up from a slow run by progress, not by wall clock.
 *
 * <p>A fixed join timeout cannot tell the two apart on a loaded machine: 20 s with no finished
 * thread may be a waiter nobody will wake, or four threads sharing two CPUs with twenty other
 * runnable tasks. So the watchdog only looks when no worker has finished a round for
 * {@link #quietMillis}, and then asks whether the state is one from which nothing can move:
 * every live worker parked in {@code sleepOnPageLock} on an entry no waker chose (WQ_FLAG_WOKEN
 * clear). Only a worker can unlock the page or wake an entry, and none is running, so that state
 * is permanent however slow the machine is: a lost wake-up (or, if PG_locked is still set, a lock
 * leaked while its waiters sleep). It is confirmed by a second look after {@link #confirmMillis}
 * with the same entries and no progress between, so a snapshot torn by a worker moving while it
 * was taken cannot fail the test.
 *
 * <p>When the state is not permanent but still nothing finishes for {@link #slowLimitMillis},
 * the run fails as "no progress", with the same dump, so a livelock or a spinning hang still
 * fails; plain slowness with progress never does.
 */
final class PageLockWatchdog {
    static final int PHASE_START = 0;
    static final int PHASE_LOCK = 1;
    static final int PHASE_HELD = 2;
    static final int PHASE_UNLOCK = 3;
    static final int PHASE_DONE = 4;
    private static final String[] PHASE_NAMES = {"start", "lock_page", "holding", "unlock_page", "done"};

    private static final long POLL_MILLIS = 20;
    /** A walk of the hashed queue stops here: a corrupted list must not hang the diagnosis. */
    private static final int MAX_DUMPED_ENTRIES = 64;

    /** One worker thread and what it last said it was doing; written only by the worker itself. */
    static final class Worker {
        final Thread thread;
        // Release stores (lazySet) so the bookkeeping adds no full fence to the locking it watches.
        private final AtomicInteger phase = new AtomicInteger(PHASE_START);
        private final AtomicLong rounds = new AtomicLong();

        private Worker(Thread thread) {
            this.thread = thread;
        }

        void phase(int p) {
            phase.lazySet(p);
        }

        void roundDone() {
            rounds.lazySet(rounds.get() + 1);
        }
    }

    private final Page page;
    private final List<Worker> workers = new ArrayList<>();
    private final CountDownLatch go = new CountDownLatch(1);
    private final AtomicReference<Throwable> workerFailure = new AtomicReference<>();
    private long quietMillis = 2_000;
    private long confirmMillis = 1_000;
    private long slowLimitMillis = 120_000;
    private long longestQuietMillis;
    private long longestGapMillis;
    private String slowestQuietDump;

    PageLockWatchdog(Page page) {
        this.page = page;
    }

    PageLockWatchdog windows(long quietMillis, long confirmMillis, long slowLimitMillis) {
        this.quietMillis = quietMillis;
        this.confirmMillis = confirmMillis;
        this.slowLimitMillis = slowLimitMillis;
        return this;
    }

    /** Adds a daemon worker; it runs {@code body} once {@link #startAll} releases every worker together. */
    Worker spawn(String name, Consumer<Worker> body) {
        Worker[] self = new Worker[1];
        Thread t = new Thread(() -> {
            try {
                go.await();
                body.accept(self[0]);
                self[0].phase(PHASE_DONE);
            } catch (Throwable e) {
                workerFailure.compareAndSet(null, e);
            }
        }, name);
        // Daemon: a worker left parked by a lost wake-up must not keep the test JVM alive.
        t.setDaemon(true);
        self[0] = new Worker(t);
        workers.add(self[0]);
        return self[0];
    }

    /** Starts every worker, all released at once so that they really contend from the first round. */
    void startAll() {
        workers.forEach(w -> w.thread.start());
        go.countDown();
    }

    long progress() {
        long sum = 0;
        for (Worker w : workers) {
            sum += w.rounds.get();
        }
        return sum;
    }

    /**
     * Waits until every worker ended; fails with a dump on a worker's exception, on a permanent
     * stall ("lost wake-up: ..."), or after {@link #slowLimitMillis} without any finished round.
     */
    void awaitAll() throws InterruptedException {
        long lastProgress = progress();
        long lastChange = System.nanoTime();
        while (true) {
            Throwable failure = workerFailure.get();
            if (failure != null) {
                throw new AssertionError("a page-lock worker failed\n" + snapshot().dump(), failure);
            }
            if (allEnded()) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            long now = System.nanoTime();
            long p = progress();
            longestGapMillis = Math.max(longestGapMillis, TimeUnit.NANOSECONDS.toMillis(now - lastChange));
            if (p != lastProgress) {
                lastProgress = p;
                lastChange = now;
                continue;
            }
            long quiet = TimeUnit.NANOSECONDS.toMillis(now - lastChange);
            if (quiet < quietMillis) {
                continue;
            }
            Snapshot first = snapshot();
            if (quiet > longestQuietMillis) {
                // Kept for a slow but sound run: what the workers were doing while nothing finished.
                longestQuietMillis = quiet;
                slowestQuietDump = first.dump();
            }
            if (first.permanentStall()) {
                TimeUnit.MILLISECONDS.sleep(confirmMillis);
                Snapshot second = snapshot();
                if (second.permanentStall() && second.sameStallAs(first) && progress() == p) {
                    throw new AssertionError(second.verdict(quiet + confirmMillis) + "\n" + second.dump());
                }
            }
            if (quiet >= slowLimitMillis) {
                throw new AssertionError("no page-lock round finished for " + quiet + " ms, but no worker is"
                        + " provably stuck (slow or spinning, not a lost wake-up)\n" + first.dump());
            }
        }
    }

    /** The longest stretch without a finished round that reached {@link #quietMillis}; 0 if none did. */
    long longestQuietMillis() {
        return longestQuietMillis;
    }

    /** The longest stretch without a finished round, to the watchdog's polling precision. */
    long longestGapMillis() {
        return longestGapMillis;
    }

    /** The dump taken during that stretch, or null. */
    String slowestQuietDump() {
        return slowestQuietDump;
    }

    private boolean allEnded() {
        for (Worker w : workers) {
            if (w.thread.isAlive()) {
                return false;
            }
        }
        return true;
    }

    /** What one worker was doing when looked at. */
    private record WorkerView(Worker worker, Thread.State state, int phase, long rounds, WaitPageQueue entry,
            int entryFlags, StackTraceElement[] stack) {

        boolean alive() {
            return state != Thread.State.TERMINATED && state != Thread.State.NEW;
        }

        /** Parked in sleepOnPageLock on an entry that no waker chose: only a wake-up can move it. */
        boolean parkedUnwoken() {
            return state == Thread.State.WAITING && entry != null
                    && (entryFlags & WaitPageQueue.WQ_FLAG_WOKEN) == 0;
        }
    }

    private record Snapshot(long flags, boolean queueLocked, List<String> queue, int queuedForPage,
            List<WorkerView> views) {

        /** Every live worker parked on an unwoken entry: nobody left to unlock or to wake. */
        boolean permanentStall() {
            int live = 0;
            for (WorkerView v : views) {
                if (!v.alive()) {
                    continue;
                }
                live++;
                if (!v.parkedUnwoken()) {
                    return false;
                }
            }
            return live > 0;
        }

        boolean sameStallAs(Snapshot other) {
            if (views.size() != other.views.size()) {
                return false;
            }
            for (int i = 0; i < views.size(); i++) {
                if (views.get(i).entry != other.views.get(i).entry || views.get(i).rounds != other.views.get(i).rounds) {
                    return false;
                }
            }
            return flags == other.flags;
        }

        String verdict(long quietMillis) {
            long parked = views.stream().filter(WorkerView::parkedUnwoken).count();
            boolean locked = (flags & PG_locked.mask()) != 0;
            return (locked ? "lost wake-up (lock leaked): page locked by no running thread"
                    : "lost wake-up: page unlocked")
                    + ", PG_waiters=" + ((flags & PG_waiters.mask()) != 0 ? 1 : 0)
                    + ", " + queuedForPage + " waiters queued, " + parked + " parked unwoken"
                    + ", no progress for " + quietMillis + " ms";
        }

        String dump() {
            StringBuilder sb = new StringBuilder();
            sb.append("  page flags: ").append(PageFlag.describe(flags))
                    .append(String.format(" (0x%x)%n", flags));
            sb.append("  wait queue").append(queueLocked ? "" : " (read without q->lock: it stayed held)")
                    .append(": ").append(queue.isEmpty() ? "empty" : String.join(" -> ", queue)).append('\n');
            for (WorkerView v : views) {
                sb.append("  ").append(v.worker.thread.getName()).append(": ").append(v.state)
                        .append(", phase ").append(PHASE_NAMES[v.phase]).append(", rounds ").append(v.rounds);
                if (v.entry != null) {
                    sb.append(", parked on entry ").append(describeFlags(v.entryFlags))
                            .append(v.entry.queued ? " (queued)" : " (not queued)");
                }
                sb.append('\n');
                for (int i = 0; i < Math.min(6, v.stack.length); i++) {
                    sb.append("      at ").append(v.stack[i]).append('\n');
                }
            }
            return sb.toString();
        }
    }

    private Snapshot snapshot() {
        List<WorkerView> views = new ArrayList<>();
        for (Worker w : workers) {
            Thread t = w.thread;
            Thread.State state = t.getState();
            // The blocker is the WaitPageQueue that sleepOnPageLock passed to park: the exact entry it sleeps on.
            Object blocker = LockSupport.getBlocker(t);
            WaitPageQueue entry = blocker instanceof WaitPageQueue e ? e : null;
            int entryFlags = entry == null ? 0 : entry.flagsAcquire();
            views.add(new WorkerView(w, state, w.phase.get(), w.rounds.get(), entry, entryFlags, t.getStackTrace()));
        }
        long flags = page.flags();

        WaitQueueHead q = page.map().waitTable().pageWaitqueue(page);
        boolean locked = tryLockBriefly(q.lock());
        List<String> queue = new ArrayList<>();
        int queuedForPage = 0;
        try {
            int n = 0;
            for (WaitPageQueue w = q.first(); w != null && n < MAX_DUMPED_ENTRIES; w = w.next, n++) {
                if (w.page == page) {
                    queuedForPage++;
                }
                queue.add(w.task.getName() + "[" + describeFlags(w.flagsOpaque()) + ", unfairness " + w.unfairness
                        + (w.page == page ? "" : ", other page pfn " + w.page.pfn()) + "]");
            }
        } finally {
            if (locked) {
                q.lock().unlock();
            }
        }
        return new Snapshot(flags, locked, queue, queuedForPage, views);
    }

    /** The watchdog must never hang on the lock it is diagnosing: try for a moment, then read racily. */
    private static boolean tryLockBriefly(SpinLock lock) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
        while (!lock.trylock()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.onSpinWait();
        }
        return true;
    }

    static String describeFlags(int f) {
        StringBuilder sb = new StringBuilder();
        if ((f & WaitPageQueue.WQ_FLAG_EXCLUSIVE) != 0) {
            sb.append("EXCLUSIVE");
        }
        if ((f & WaitPageQueue.WQ_FLAG_WOKEN) != 0) {
            sb.append(sb.length() > 0 ? "|" : "").append("WOKEN");
        }
        if ((f & WaitPageQueue.WQ_FLAG_CUSTOM) != 0) {
            sb.append(sb.length() > 0 ? "|" : "").append("CUSTOM");
        }
        if ((f & WaitPageQueue.WQ_FLAG_DONE) != 0) {
            sb.append(sb.length() > 0 ? "|" : "").append("DONE");
        }
        return sb.length() == 0 ? "0" : sb.toString();
    }
}
