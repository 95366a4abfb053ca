package dev.pageflags.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * What one thread of a {@link LockHandOffBench} group did in an iteration, as JMH counters
 * ({@code @AuxCounters}, reported beside the score and in {@code jmh.json}'s {@code secondaryMetrics}).
 *
 * <p>JMH adds these up over both threads, all iterations and forks; divide by {@link #ops} for a
 * figure per lock+unlock. {@code ops} counts every call the thread made between the iteration's
 * setup and teardown, JMH's synchronisation phases included, so all four counters cover the same
 * calls (the score's own operation count leaves those phases out).
 *
 * <p>Nothing here is measured inside the model: the kinds of acquisition are told apart by
 * bookkeeping inside each critical section ({@link LockHandOffBench}), and the park count comes
 * from the JVM's per-thread statistics, read once at each end of the iteration.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class HandOffTally {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Lock+unlock calls. */
    public long ops;
    /** Acquisitions of a lock the other thread held last: the lock changed hands. */
    public long handOffs;
    /** Acquisitions of a lock this thread held last while the other thread was inside its lock call. */
    public long barges;
    /**
     * Times the thread parked: the JVM's count of its waits ({@link ThreadInfo#getWaitedCount()}:
     * {@code LockSupport.park} calls, a call that finds a pending unpark and returns at once
     * included, and {@code Object.wait} and {@code Thread.sleep}, which no benchmarked lock uses)
     * plus its monitor enters that blocked ({@link ThreadInfo#getBlockedCount()}). Includes JMH's
     * own wait at the end of the iteration, at most one per thread per iteration.
     */
    public long parks;

    private long parkedBefore;

    /** JMH zeroes the public counters itself, right after this. */
    @Setup(Level.Iteration)
    public void start() {
        parkedBefore = parkedSoFar();
    }

    @TearDown(Level.Iteration)
    public void stop() {
        parks = parkedSoFar() - parkedBefore;
    }

    /** The calling thread's parks since it started: the JVM counts them whether or not monitoring is on. */
    static long parkedSoFar() {
        @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+; the build targets 17
        ThreadInfo me = THREADS.getThreadInfo(Thread.currentThread().getId());
        return me.getWaitedCount() + me.getBlockedCount();
    }
}
