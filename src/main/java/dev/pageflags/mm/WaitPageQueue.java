package dev.pageflags.mm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * {@code struct wait_page_queue}: one task waiting for one bit of one page, queued on a hashed
 * {@link WaitQueueHead}.
 */
public final class WaitPageQueue {
    static final int WQ_FLAG_EXCLUSIVE = 0x01;
    static final int WQ_FLAG_WOKEN = 0x02;
    static final int WQ_FLAG_CUSTOM = 0x04;
    static final int WQ_FLAG_DONE = 0x08;

    private static final VarHandle FLAGS;

    static {
        try {
            FLAGS = MethodHandles.lookup().findVarHandle(WaitPageQueue.class, "flags", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Page page;
    final PageFlag bit;
    final Thread task;

    /** wait->flags; the waker publishes WOKEN with a release store, the sleeper reads it with acquire. */
    @SuppressWarnings("unused") // accessed through FLAGS
    private int flags;

    // Linkage in the wait queue (wait->entry), guarded by the queue's spinlock.
    WaitPageQueue prev;
    WaitPageQueue next;
    boolean queued;

    /** The waiter's remaining patience before it asks wakers for a hand-off (its local {@code unfairness}). */
    int unfairness;

    WaitPageQueue(Page page, PageFlag bit, Thread task, int unfairness) {
        this.page = page;
        this.bit = bit;
        this.task = task;
        this.unfairness = unfairness;
    }

    public Page page() {
        return page;
    }

    /** Whether a waker has chosen this entry ({@code smp_load_acquire(&wait->flags) & WQ_FLAG_WOKEN}). */
    public boolean isWoken() {
        return ((int) FLAGS.getAcquire(this) & WQ_FLAG_WOKEN) != 0;
    }

    /** Whether a waker also took the bit for this waiter (the exclusive hand-off). */
    public boolean isDone() {
        return ((int) FLAGS.getAcquire(this) & WQ_FLAG_DONE) != 0;
    }

    int flagsOpaque() {
        return (int) FLAGS.getOpaque(this);
    }

    int flagsAcquire() {
        return (int) FLAGS.getAcquire(this);
    }

    /** {@code wait->flags = ...} while nobody else can see the entry (not queued). */
    void resetFlags(int flags) {
        FLAGS.setOpaque(this, flags);
    }

    /** Whether the entry is still on its wait queue; read it with the queue's lock held for a firm answer. */
    public boolean isQueued() {
        return queued;
    }

    /** {@code smp_store_release(&wait->flags, flags | WQ_FLAG_WOKEN)}: the sleeper may read it any time. */
    void storeWoken(int flags) {
        FLAGS.setRelease(this, flags | WQ_FLAG_WOKEN);
    }
}
