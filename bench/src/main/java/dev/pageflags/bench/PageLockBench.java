package dev.pageflags.bench;

import dev.pageflags.mm.Filemap;
import dev.pageflags.mm.MemMap;
import dev.pageflags.mm.Page;
import dev.pageflags.mm.SpinLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.StampedLock;

/**
 * The page lock's fast paths on one thread, against Java's own locks doing the same work.
 *
 * <p>Lock + unlock, uncontended: {@code lock_page} is {@code test_and_set_bit_lock}, a locked
 * read-modify-write with no test before it as on x86's kernel (a plain load for the expected value
 * and a {@code lock cmpxchg}, where the kernel has one {@code lock bts}), and {@code unlock_page} is
 * {@code clear_bit_unlock_is_negative_byte} (a {@code lock xadd}) plus the untaken wake-up branch,
 * with no PageLocked check (that is CONFIG_DEBUG_VM's, off here as in a production kernel).
 * {@code ReentrantLock} also pays two locked instructions (a CAS in, a volatile store out). Every
 * critical section increments the same kind of plain counter and returns it, so the work inside is
 * identical and cannot be removed.
 *
 * <p>A failed trylock: the lock is held (by this thread for the non-reentrant ones, by a thread
 * that has ended for {@code ReentrantLock}, which would otherwise let its owner in again).
 * {@code synchronized} has no trylock. A failed {@code trylock_page} still does its locked
 * read-modify-write, as {@code lock bts} does; the Java locks read their state and return.
 *
 * <p>No benchmark here allocates per operation (a unit test checks it): the states are made once
 * per trial, and the paths measured allocate nothing.
 */
public class PageLockBench extends NsPerOp {

    /** Free locks, one set per thread. */
    @State(Scope.Thread)
    public static class Free {
        Page page;
        final ReentrantLock reentrantLock = new ReentrantLock();
        final StampedLock stampedLock = new StampedLock();
        final SpinLock spinLock = new SpinLock();
        final Object monitor = new Object();
        int counter;

        @Setup
        public void setUp() {
            page = MemMap.builder().pages(1).debugPgflags(false).build().page(0);
        }
    }

    /** Locks already held when the benchmark starts. */
    @State(Scope.Thread)
    public static class Held {
        Page page;
        final ReentrantLock reentrantLock = new ReentrantLock();
        final StampedLock stampedLock = new StampedLock();
        final SpinLock spinLock = new SpinLock();

        @Setup(Level.Trial)
        public void setUp() throws InterruptedException {
            page = MemMap.builder().pages(1).debugPgflags(false).build().page(0);
            Filemap.lockPage(page);
            stampedLock.writeLock();
            spinLock.lock();
            Thread owner = new Thread(reentrantLock::lock, "reentrant-lock-owner");
            owner.start();
            owner.join();
            if (Filemap.trylockPage(page) || reentrantLock.tryLock() || stampedLock.tryWriteLock() != 0
                    || spinLock.trylock()) {
                throw new IllegalStateException("a lock meant to be held was free");
            }
        }
    }

    @Benchmark
    public int lockPageUnlockPage(Free s) {
        Filemap.lockPage(s.page);
        int c = ++s.counter;
        Filemap.unlockPage(s.page);
        return c;
    }

    @Benchmark
    public int reentrantLock(Free s) {
        s.reentrantLock.lock();
        try {
            return ++s.counter;
        } finally {
            s.reentrantLock.unlock();
        }
    }

    @Benchmark
    public int synchronizedBlock(Free s) {
        synchronized (s.monitor) {
            return ++s.counter;
        }
    }

    @Benchmark
    public int stampedLock(Free s) {
        long stamp = s.stampedLock.writeLock();
        try {
            return ++s.counter;
        } finally {
            s.stampedLock.unlockWrite(stamp);
        }
    }

    /** The model's {@code spin_lock}/{@code spin_unlock}: a CAS in, a release store out. */
    @Benchmark
    public int spinLock(Free s) {
        s.spinLock.lock();
        try {
            return ++s.counter;
        } finally {
            s.spinLock.unlock();
        }
    }

    @Benchmark
    public boolean trylockPageFails(Held s) {
        return Filemap.trylockPage(s.page);
    }

    @Benchmark
    public boolean reentrantTryLockFails(Held s) {
        return s.reentrantLock.tryLock();
    }

    @Benchmark
    public long stampedTryWriteLockFails(Held s) {
        return s.stampedLock.tryWriteLock();
    }

    @Benchmark
    public boolean spinTrylockFails(Held s) {
        return s.spinLock.trylock();
    }
}
