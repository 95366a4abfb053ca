package dev.pageflags.mm;

/**
 * {@code wait_queue_head_t}: a spinlock and a FIFO of waiters. The list is intrusive and only ever
 * touched with {@link #lock()} held, as in the kernel.
 */
public final class WaitQueueHead {
    private final SpinLock lock = new SpinLock();
    private WaitPageQueue head;
    private WaitPageQueue tail;

    public SpinLock lock() {
        return lock;
    }

    /** {@code __add_wait_queue_entry_tail}. Caller holds the lock. */
    void addTail(WaitPageQueue w) {
        w.prev = tail;
        w.next = null;
        if (tail == null) {
            head = w;
        } else {
            tail.next = w;
        }
        tail = w;
        w.queued = true;
    }

    /** {@code list_del_init(&wait->entry)}. Caller holds the lock. */
    void remove(WaitPageQueue w) {
        if (!w.queued) {
            return;
        }
        if (w.prev == null) {
            head = w.next;
        } else {
            w.prev.next = w.next;
        }
        if (w.next == null) {
            tail = w.prev;
        } else {
            w.next.prev = w.prev;
        }
        w.prev = null;
        w.next = null;
        w.queued = false;
    }

    WaitPageQueue first() {
        return head;
    }

    /** {@code waitqueue_active(q)}. Caller holds the lock. */
    boolean isActive() {
        return head != null;
    }

    /** Whether any queued entry waits on {@code page}. Caller holds the lock. */
    boolean hasWaitersFor(Page page) {
        for (WaitPageQueue w = head; w != null; w = w.next) {
            if (w.page == page) {
                return true;
            }
        }
        return false;
    }
}
