package dev.pageflags.mm;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code struct rw_semaphore} (mmap_sem, later mmap_lock), reduced to what the races use: the
 * trylock that seed 001's broken code relied on, and a writer side for setup paths.
 *
 * <p>The kernel sleeps on contention; the races here never block on it (they trylock, or run
 * alone), so the writer side spins instead of modelling a sleeping queue.
 */
public final class RwSemaphore {
    private static final int WRITER = -1;

    /** Readers holding it, or {@link #WRITER}. */
    private final AtomicInteger count = new AtomicInteger();

    /** {@code down_read_trylock}: acquire on success. */
    public boolean downReadTrylock() {
        int c = count.get();
        while (c != WRITER) {
            int witness = count.compareAndExchangeAcquire(c, c + 1);
            if (witness == c) {
                return true;
            }
            c = witness;
        }
        return false;
    }

    /** {@code up_read}: release. */
    public void upRead() {
        int c = count.get();
        while (true) {
            if (c <= 0) {
                throw new PageFlagsBug("up_read of an rwsem not held for reading (count " + c + ")");
            }
            int witness = count.compareAndExchangeRelease(c, c - 1);
            if (witness == c) {
                return;
            }
            c = witness;
        }
    }

    /** {@code down_write_trylock}. */
    public boolean downWriteTrylock() {
        return count.compareAndExchangeAcquire(0, WRITER) == 0;
    }

    /** {@code down_write}. */
    public void downWrite() {
        while (!downWriteTrylock()) {
            Thread.onSpinWait();
        }
    }

    /** {@code up_write}: release. */
    public void upWrite() {
        if (!count.compareAndSet(WRITER, 0)) {
            throw new PageFlagsBug("up_write of an rwsem not held for writing");
        }
    }

    /** {@code rwsem_is_locked}: for assertions. */
    public boolean isLocked() {
        return count.get() != 0;
    }
}
