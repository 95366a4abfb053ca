package dev.pageflags.mm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * {@code struct wait_page_queue}: one task waiting for one bit of one page, queued on a hashed
 * {@link WaitQueueHead}.
 *
 * <p>The kernel declares it on the waiting task's stack in {@code wait_on_page_bit_common}, so a
 * wait costs no allocation. Java cannot put an object that other threads reach through a shared
 * queue on a stack (escape analysis gives up on it), so here an entry belongs to its task for longer
 * than one wait and is reused: each wait starts with {@link #initWait} (the kernel's
 * {@code init_wait()} and the fields set beside it) and ends with {@link #release}. A task sleeps in
 * at most one {@code lock_page} at a time and its entry is off every queue when the wait returns,
 * so one entry per task is enough. Who holds the entry: {@link Filemap#lockPage} keeps one per
 * thread; a caller of the split form ({@link Filemap#queueForPageLock}) owns its own.
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

    // Set by the owning task in initWait before the entry is queued (under the queue's lock), read
    // by wakers under that lock: the lock orders them. Null page: the entry is not in a wait.
    Page page;
    PageFlag bit;
    Thread task;

    /** wait->flags; the waker publishes WOKEN with a release store, the sleeper reads it with acquire. */
    @SuppressWarnings("unused") // accessed through FLAGS
    private int flags;

    // Linkage in the wait queue (wait->entry), guarded by the queue's spinlock.
    WaitPageQueue prev;
    WaitPageQueue next;
    boolean queued;

    /**
     * The waiter's remaining patience before it asks wakers for a hand-off: the local variable
     * {@code unfairness} of {@code wait_on_page_bit_common}, kept on the entry because the model
     * splits that function in two. Reset by every {@link #initWait}.
     */
    int unfairness;

    /** An idle entry, for one task to use for each of its waits in turn. */
    public WaitPageQueue() {
    }

    /**
     * The start of {@code wait_on_page_bit_common}: {@code init_wait(wait)} (the current task, no
     * flags), {@code wait_page.page = page; wait_page.bit_nr = bit_nr}, and the
     * patience of a new wait, {@code unfairness = sysctl_page_lock_unfairness}.
     *
     * @throws IllegalStateException when the entry is still in a wait: reusing it would corrupt the
     *                               queue it is on
     */
    void initWait(Page page, PageFlag bit, int unfairness) {
        // A finished wait left the entry off its queue (finish_wait, or a waker's list_del_init), so
        // its list linkage needs no reset, and the queue-guarded fields are not written here.
        if (this.page != null || queued) {
            throw new IllegalStateException("wait_page_queue reused while it still waits for " + this.page
                    + (queued ? " (queued)" : "") + ": one entry serves one wait at a time");
        }
        this.page = page;
        this.bit = bit;
        this.task = Thread.currentThread();
        this.unfairness = unfairness;
        resetFlags(0);
    }

    /** The end of the wait: the kernel's stack frame goes, the entry is free for the next wait. */
    void release() {
        page = null;
        bit = null;
        task = null;
    }

    /** The page this entry waits for, or null between waits. */
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
