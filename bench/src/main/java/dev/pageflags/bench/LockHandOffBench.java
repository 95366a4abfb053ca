package dev.pageflags.bench;

import dev.pageflags.mm.Filemap;
import dev.pageflags.mm.MemMap;
import dev.pageflags.mm.Page;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.StampedLock;

/**
 * Two threads calling lock+unlock of one shared lock back to back, nothing done outside it: each
 * lock's contended behaviour, whatever that turns out to be.
 *
 * <p>The score is the average time of one lock+unlock call over both threads (the per-thread
 * figures are each group method's own). It is not the cost of a hand-off: a call can end in one of
 * two very different ways, and the mix depends on the lock's policy and on the scheduler.
 * <ul>
 * <li>A hand-off: the thread takes the lock the other thread held last. When that thread had
 *     parked, the call includes a wake-up (unpark, the scheduler, the woken thread running again).</li>
 * <li>A re-acquisition: the thread that just released the lock takes it back at once, a few
 *     uncontended instructions. When the other thread was waiting meanwhile, this is a barge (a
 *     steal, in the page lock's words): the non-fair Java locks allow it always, the page lock until
 *     a waiter has been passed over {@code sysctl_page_lock_unfairness} times and asks for the lock to
 *     be handed over, the fair {@code ReentrantLock} not once a waiter is queued.</li>
 * </ul>
 * {@link HandOffTally} counts per thread, for every call: hand-offs, barges and parks, so that the
 * score can be read as "this mix of hand-offs and re-acquisitions". {@link LockHandOffLatencyBench}
 * runs the same groups in {@code SampleTime} mode: the distribution of single calls that the
 * average hides (p50, p99, p99.9 in {@code jmh.json}'s {@code scorePercentiles}).
 *
 * <p>The counting runs inside every critical section of every lock alike: two opaque stores, an
 * opaque load and a few plain increments per call (plain {@code mov}s on x86), no fence and no
 * allocation. The page lock takes the model's real paths: {@code lock_page}'s fast path, else it
 * queues on the hashed wait queue, sets PG_waiters and parks ({@code LockSupport.park}) on the
 * thread's own reused {@code wait_page_queue}; {@code unlock_page} sees PG_waiters in its
 * {@code lock xadd} result and wakes it.
 *
 * <p>{@code Scope.Group} (JMH sample 15): both threads of a group share one instance of each lock.
 */
@State(Scope.Group)
public class LockHandOffBench extends NsPerOp {
    /** Thread numbers, as the two methods of each group pass them. */
    static final int A = 0;
    static final int B = 1;
    /** Slot stride in {@link #waiting}: 16 ints, 64 bytes, so the two threads' flags do not share a line. */
    private static final int SLOT = 16;

    Page page;
    final ReentrantLock reentrantLock = new ReentrantLock();
    private final ReentrantLock fairLock = new ReentrantLock(true);
    private final StampedLock stampedLock = new StampedLock();
    private final Object monitor = new Object();
    /** Only touched with the group's lock held. */
    private int counter;
    /** The thread that held the lock last ({@link #A} or {@link #B}, -1 before the first); guarded by the lock. */
    private int lastHolder = -1;
    /** Per thread: 1 from just before its lock call until it holds the lock. Opaque: a statistic, not a protocol. */
    private final AtomicIntegerArray waiting = new AtomicIntegerArray(2 * SLOT);

    @Setup
    public void setUp() {
        page = MemMap.builder().pages(1).debugPgflags(false).build().page(0);
    }

    private void arrive(int me) {
        waiting.setOpaque(me * SLOT, 1);
    }

    /** First thing in the critical section: classify this acquisition, count it, do the work. */
    private int inside(HandOffTally t, int me) {
        waiting.setOpaque(me * SLOT, 0);
        int other = 1 - me;
        if (lastHolder == other) {
            t.handOffs++;
        } else if (lastHolder == me && waiting.getOpaque(other * SLOT) != 0) {
            t.barges++;
        }
        lastHolder = me;
        t.ops++;
        return ++counter;
    }

    int pageLockWork(HandOffTally t, int me) {
        arrive(me);
        Filemap.lockPage(page);
        int c = inside(t, me);
        Filemap.unlockPage(page);
        return c;
    }

    private int reentrantWork(ReentrantLock lock, HandOffTally t, int me) {
        arrive(me);
        lock.lock();
        try {
            return inside(t, me);
        } finally {
            lock.unlock();
        }
    }

    private int monitorWork(HandOffTally t, int me) {
        arrive(me);
        synchronized (monitor) {
            return inside(t, me);
        }
    }

    private int stampedWork(HandOffTally t, int me) {
        arrive(me);
        long stamp = stampedLock.writeLock();
        try {
            return inside(t, me);
        } finally {
            stampedLock.unlockWrite(stamp);
        }
    }

    @Benchmark
    @Group("pageLock")
    public int pageLockA(HandOffTally t) {
        return pageLockWork(t, A);
    }

    @Benchmark
    @Group("pageLock")
    public int pageLockB(HandOffTally t) {
        return pageLockWork(t, B);
    }

    @Benchmark
    @Group("reentrantLock")
    public int reentrantLockA(HandOffTally t) {
        return reentrantWork(reentrantLock, t, A);
    }

    @Benchmark
    @Group("reentrantLock")
    public int reentrantLockB(HandOffTally t) {
        return reentrantWork(reentrantLock, t, B);
    }

    @Benchmark
    @Group("reentrantLockFair")
    public int reentrantLockFairA(HandOffTally t) {
        return reentrantWork(fairLock, t, A);
    }

    @Benchmark
    @Group("reentrantLockFair")
    public int reentrantLockFairB(HandOffTally t) {
        return reentrantWork(fairLock, t, B);
    }

    @Benchmark
    @Group("synchronizedBlock")
    public int synchronizedBlockA(HandOffTally t) {
        return monitorWork(t, A);
    }

    @Benchmark
    @Group("synchronizedBlock")
    public int synchronizedBlockB(HandOffTally t) {
        return monitorWork(t, B);
    }

    @Benchmark
    @Group("stampedLock")
    public int stampedLockA(HandOffTally t) {
        return stampedWork(t, A);
    }

    @Benchmark
    @Group("stampedLock")
    public int stampedLockB(HandOffTally t) {
        return stampedWork(t, B);
    }
}
