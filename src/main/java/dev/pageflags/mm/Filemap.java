package dev.pageflags.mm;

import java.util.concurrent.locks.LockSupport;

import static dev.pageflags.mm.PageFlag.PG_locked;
import static dev.pageflags.mm.PageFlag.PG_waiters;
import static dev.pageflags.mm.WaitPageQueue.WQ_FLAG_CUSTOM;
import static dev.pageflags.mm.WaitPageQueue.WQ_FLAG_DONE;
import static dev.pageflags.mm.WaitPageQueue.WQ_FLAG_EXCLUSIVE;
import static dev.pageflags.mm.WaitPageQueue.WQ_FLAG_WOKEN;

/**
 * The page lock of {@code mm/filemap.c} as of 5.16/5.17 (the era of race 004): PG_locked taken
 * with an atomic bit op, PG_waiters telling {@code unlock_page} whether anyone sleeps, sleepers
 * parked on the shared hashed {@link PageWaitTable}.
 *
 * <p>The lost wake-up of race 004 needs exactly this protocol: a waiter sets PG_waiters under
 * the wait-queue lock and then retries the lock; the unlocker clears PG_locked and reads PG_waiters
 * in one locked instruction. Between them no wake-up can be lost, unless somebody else rewrites
 * the whole flags word non-atomically.
 */
public final class Filemap {
    /** {@code sysctl_page_lock_unfairness}: wake-ups a waiter lets others steal before asking for a hand-off. */
    static final int SYSCTL_PAGE_LOCK_UNFAIRNESS = 5;

    /** A static constant, so the JIT folds the bit number as the kernel's compiler does PG_locked. */
    private static final int PG_LOCKED_BIT = PG_locked.bit();

    private Filemap() {
    }

    /** {@code trylock_page}: {@code test_and_set_bit_lock(PG_locked)}, acquire on success. */
    public static boolean trylockPage(Page page) {
        return !Bitops.testAndSetBitLock(PG_LOCKED_BIT, page.words(), page.flagIndex());
    }

    /** {@code lock_page}: the fast path, else sleep in {@code __lock_page} until the lock is ours. */
    public static void lockPage(Page page) {
        if (!trylockPage(page)) {
            lockPageSlow(page);
        }
    }

    /** {@code __lock_page}: {@code wait_on_page_bit_common(q, page, PG_locked, ..., EXCLUSIVE)}. */
    static void lockPageSlow(Page page) {
        WaitPageQueue wait = queueForPageLock(page);
        if (wait != null) {
            sleepOnPageLock(wait);
        }
    }

    /**
     * The first half of {@code wait_on_page_bit_common}: under the hashed queue's lock, set
     * PG_waiters, try the lock once more, and queue when that fails.
     *
     * <p>The kernel runs both halves in one function. They are separate here so that a stress test
     * can run this half on a thread that must not block, and check afterwards whether a queued
     * waiter was woken.
     *
     * @return the queued entry, or null when the last trylock took the lock
     */
    public static WaitPageQueue queueForPageLock(Page page) {
        WaitPageQueue wait = new WaitPageQueue(page, PG_locked, Thread.currentThread(), SYSCTL_PAGE_LOCK_UNFAIRNESS);
        return queueOrTake(wait) ? wait : null;
    }

    /** The {@code repeat:} block; true when the entry was queued, false when the lock was taken. */
    private static boolean queueOrTake(WaitPageQueue wait) {
        int flags = WQ_FLAG_EXCLUSIVE;
        if (--wait.unfairness < 0) {
            flags |= WQ_FLAG_CUSTOM;
        }
        wait.resetFlags(flags);

        Page page = wait.page;
        WaitQueueHead q = page.map().waitTable().pageWaitqueue(page);
        q.lock().lock();
        try {
            // Set PG_waiters before the last trylock, so an unlocker we just missed sees it.
            page.set(PG_waiters);
            if (trylockPageFlag(page, wait)) {
                return false;
            }
            q.addTail(wait);
            return true;
        } finally {
            q.lock().unlock();
        }
    }

    /** {@code trylock_page_bit_common} for an exclusive waiter: {@code test_and_set_bit}, fully ordered. */
    private static boolean trylockPageFlag(Page page, WaitPageQueue wait) {
        if (page.testSet(PG_locked)) {
            return false;
        }
        wait.resetFlags(wait.flagsOpaque() | WQ_FLAG_WOKEN | WQ_FLAG_DONE);
        return true;
    }

    /**
     * The second half of {@code wait_on_page_bit_common}: sleep until a waker chose this entry,
     * then own the lock, either handed over by the waker or taken here; requeue if it was stolen.
     * Uninterruptible, as {@code lock_page} is: interrupts and spurious wake-ups just loop.
     */
    public static void sleepOnPageLock(WaitPageQueue wait) {
        Page page = wait.page;
        while (true) {
            int flags = wait.flagsAcquire();
            if ((flags & WQ_FLAG_WOKEN) == 0) {
                // A real sleep: no spinning, no timeout. Only an unpark (or a spurious return) ends it.
                LockSupport.park(wait);
                continue;
            }
            if ((flags & WQ_FLAG_DONE) != 0) {
                break;
            }
            if (page.testSet(PG_locked)) {
                // Someone stole the lock between our wake-up and now: queue again.
                if (queueOrTake(wait)) {
                    continue;
                }
                break;
            }
            wait.resetFlags(flags | WQ_FLAG_DONE);
            break;
        }
        finishWait(wait);
    }

    /** {@code finish_wait}: a woken entry was already unlinked by its waker; anything else is unlinked here. */
    private static void finishWait(WaitPageQueue wait) {
        WaitQueueHead q = wait.page.map().waitTable().pageWaitqueue(wait.page);
        q.lock().lock();
        try {
            q.remove(wait);
        } finally {
            q.lock().unlock();
        }
    }

    /**
     * {@code unlock_page}: clear PG_locked with release ordering and learn, in the same locked
     * instruction, whether PG_waiters was set; only then take the slow path and wake a sleeper.
     */
    public static void unlockPage(Page page) {
        if (!page.test(PG_locked)) {
            throw new PageFlagsBug("unlock_page of unlocked " + page);
        }
        if (Bitops.clearBitUnlockIsNegativeByte(PG_LOCKED_BIT, page.words(), page.flagIndex())) {
            wakeUpPageBit(page, PG_locked);
        }
    }

    /**
     * {@code wake_up_page_bit}: wake the first waiter of this page and bit; clear PG_waiters when
     * the queue is empty or held no waiter of this page.
     *
     * <p>As in the kernel, PG_waiters may stay set after the last waiter of this page left, when
     * waiters of other pages share the hashed queue; the next unlock then finds nobody and clears it.
     */
    static void wakeUpPageBit(Page page, PageFlag bit) {
        WaitQueueHead q = page.map().waitTable().pageWaitqueue(page);
        boolean pageMatch = false;
        q.lock().lock();
        try {
            WaitPageQueue w = q.first();
            while (w != null) {
                WaitPageQueue next = w.next;
                if (w.page == page) {
                    pageMatch = true;
                    if (w.bit == bit) {
                        int ret = wakePageFunction(q, w, page, bit);
                        // __wake_up_common: stop on a negative answer, or after one exclusive wake-up.
                        if (ret != 0) {
                            break;
                        }
                    }
                }
                w = next;
            }
            if (!q.isActive() || !pageMatch) {
                page.clear(PG_waiters);
            }
        } finally {
            q.lock().unlock();
        }
    }

    /**
     * {@code wake_page_function}: -1 stops the walk (the bit is taken again, or the hand-off failed);
     * 1 means an exclusive waiter was woken; 0 a non-exclusive one.
     */
    private static int wakePageFunction(WaitQueueHead q, WaitPageQueue w, Page page, PageFlag bit) {
        int flags = w.flagsOpaque();
        if ((flags & WQ_FLAG_EXCLUSIVE) != 0) {
            if (page.test(bit)) {
                return -1;
            }
            if ((flags & WQ_FLAG_CUSTOM) != 0) {
                if (page.testSet(bit)) {
                    return -1;
                }
                flags |= WQ_FLAG_DONE;
            }
        }
        w.storeWoken(flags);
        LockSupport.unpark(w.task);
        // The kernel's list_del_init_careful: the last thing the waker touches.
        q.remove(w);
        return (flags & WQ_FLAG_EXCLUSIVE) != 0 ? 1 : 0;
    }
}
