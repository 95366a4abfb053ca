package dev.pageflags.bench;

import dev.pageflags.mm.Filemap;
import dev.pageflags.mm.MemMap;
import dev.pageflags.mm.Page;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.StampedLock;

/**
 * Two threads taking the same lock back to back, with nothing to do outside it: every release
 * finds the other thread waiting, so each lock shows its contended path. The page lock queues the
 * waiter on the hashed wait queue, sets PG_waiters and parks it for real ({@code LockSupport.park});
 * the unlocker sees PG_waiters in its {@code lock xadd} result and wakes it, handing the lock over
 * once the waiter has been passed over often enough ({@code sysctl_page_lock_unfairness}).
 *
 * <p>Java's locks spin a little, queue and park too, but the non-fair ones let the releasing thread
 * take the lock straight back, which is cheaper per operation and unfair; the fair
 * {@code ReentrantLock} shows the cost of strict alternation. Each figure is the average time per
 * lock+unlock over both threads; the table also gives each thread's own.
 *
 * <p>{@code Scope.Group} (JMH sample 15): both threads of a group share one instance of each lock.
 */
@State(Scope.Group)
public class LockHandOffBench extends NsPerOp {
    private Page page;
    private final ReentrantLock reentrantLock = new ReentrantLock();
    private final ReentrantLock fairLock = new ReentrantLock(true);
    private final StampedLock stampedLock = new StampedLock();
    private final Object monitor = new Object();
    /** Only touched with the group's lock held. */
    private int counter;

    @Setup
    public void setUp() {
        page = MemMap.builder().pages(1).debugPgflags(false).build().page(0);
    }

    private int pageLockWork() {
        Filemap.lockPage(page);
        int c = ++counter;
        Filemap.unlockPage(page);
        return c;
    }

    private int reentrantWork(ReentrantLock lock) {
        lock.lock();
        try {
            return ++counter;
        } finally {
            lock.unlock();
        }
    }

    private int monitorWork() {
        synchronized (monitor) {
            return ++counter;
        }
    }

    private int stampedWork() {
        long stamp = stampedLock.writeLock();
        try {
            return ++counter;
        } finally {
            stampedLock.unlockWrite(stamp);
        }
    }

    @Benchmark
    @Group("pageLock")
    public int pageLockA() {
        return pageLockWork();
    }

    @Benchmark
    @Group("pageLock")
    public int pageLockB() {
        return pageLockWork();
    }

    @Benchmark
    @Group("reentrantLock")
    public int reentrantLockA() {
        return reentrantWork(reentrantLock);
    }

    @Benchmark
    @Group("reentrantLock")
    public int reentrantLockB() {
        return reentrantWork(reentrantLock);
    }

    @Benchmark
    @Group("reentrantLockFair")
    public int reentrantLockFairA() {
        return reentrantWork(fairLock);
    }

    @Benchmark
    @Group("reentrantLockFair")
    public int reentrantLockFairB() {
        return reentrantWork(fairLock);
    }

    @Benchmark
    @Group("synchronizedBlock")
    public int synchronizedBlockA() {
        return monitorWork();
    }

    @Benchmark
    @Group("synchronizedBlock")
    public int synchronizedBlockB() {
        return monitorWork();
    }

    @Benchmark
    @Group("stampedLock")
    public int stampedLockA() {
        return stampedWork();
    }

    @Benchmark
    @Group("stampedLock")
    public int stampedLockB() {
        return stampedWork();
    }
}
