package dev.pageflags.mm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * {@code struct rw_semaphore} (mmap_sem, later mmap_lock), reduced to what the races use: the
 * trylock that seed 001's broken code relied on, and a writer side for setup paths.
 *
 * <p>The kernel sleeps on contention; the races here never block on it (they trylock, or run
 * alone), so the writer side spins instead of modelling a sleeping queue.
 */
public final class RwSemaphore {
    private static final int WRITER = -1;
    private static final VarHandle COUNT;

    static {
        try {
            COUNT = MethodHandles.lookup().findVarHandle(RwSemaphore.class, "count", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Readers holding it, or {@link #WRITER}; a field of the semaphore itself, as the kernel's count is,
     * rather than an object of its own (every vma's mm has one, and a stress sample builds them).
     */
    private volatile int count;

    /** {@code down_read_trylock}: acquire on success. */
    public boolean downReadTrylock() {
        int c = count;
        while (c != WRITER) {
            int witness = (int) COUNT.compareAndExchangeAcquire(this, c, c + 1);
            if (witness == c) {
                return true;
            }
            c = witness;
        }
        return false;
    }

    /** {@code up_read}: release. */
    public void upRead() {
        int c = count;
        while (true) {
            if (c <= 0) {
                throw new PageFlagsBug("up_read of an rwsem not held for reading (count " + c + ")");
            }
            int witness = (int) COUNT.compareAndExchangeRelease(this, c, c - 1);
            if (witness == c) {
                return;
            }
            c = witness;
        }
    }

    /** {@code down_write_trylock}. */
    public boolean downWriteTrylock() {
        return (int) COUNT.compareAndExchangeAcquire(this, 0, WRITER) == 0;
    }

    /** {@code down_write}. */
    public void downWrite() {
        while (!downWriteTrylock()) {
            Thread.onSpinWait();
        }
    }

    /** {@code up_write}: release. */
    public void upWrite() {
        if (!COUNT.compareAndSet(this, WRITER, 0)) {
            throw new PageFlagsBug("up_write of an rwsem not held for writing");
        }
    }

    /** {@code rwsem_is_locked}: for assertions. */
    public boolean isLocked() {
        return count != 0;
    }
}
