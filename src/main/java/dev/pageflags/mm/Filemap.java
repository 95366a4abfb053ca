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

    /**
     * Each thread's {@code wait_page_queue} for {@link #lockPage}, made on its first sleep and
     * reused for every later one, so the slow path allocates nothing per attempt. Per thread rather
     * than passed in, so that {@code lockPage(page)} keeps the kernel's signature and its callers
     * anywhere in the model (3.13's munlock path in race 000, say) need no entry of their own, as
     * kernel callers need none; the lookup comes only after the fast path failed, so the
     * uncontended lock never touches it.
     */
    private static final ThreadLocal<WaitPageQueue> TASK_WAIT_ENTRY = ThreadLocal.withInitial(WaitPageQueue::new);

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

    /**
     * {@code __lock_page}: {@code wait_on_page_bit_common(q, page, PG_locked, ..., EXCLUSIVE)} with
     * this thread's own entry (see {@link WaitPageQueue}: the kernel's is on the task's stack).
     *
     * <p>An exception out of the wait (an {@code Error}, or a model checker abandoning the thread)
     * may leave the entry on a queue; the thread then drops it and makes a fresh one next time,
     * rather than relink an entry that a queue still holds.
     */
    static void lockPageSlow(Page page) {
        WaitPageQueue wait = TASK_WAIT_ENTRY.get();
        boolean finished = false;
        try {
            if (queueForPageLock(page, wait)) {
                sleepOnPageLock(wait);
            }
            finished = true;
        } finally {
            if (!finished) {
                TASK_WAIT_ENTRY.remove();
            }
        }
    }

    /**
     * The first half of {@code wait_on_page_bit_common}: set up the caller's entry for this wait,
     * then under the hashed queue's lock set PG_waiters, try the lock once more, and queue when
     * that fails.
     *
     * <p>The kernel runs both halves in one function. They are separate here so that a stress test
     * can run this half on a thread that must not block, and check afterwards whether a queued
     * waiter was woken. The caller owns {@code wait} and must not pass it again until its wait
     * ended ({@link #sleepOnPageLock} returned, or this returned false).
     *
     * @return true when the entry was queued (sleep on it with {@link #sleepOnPageLock}); false
     *         when the last trylock took the lock, and the entry is free again
     * @throws IllegalStateException when {@code wait} is still in an earlier wait
     */
    public static boolean queueForPageLock(Page page, WaitPageQueue wait) {
        wait.initWait(page, PG_locked, SYSCTL_PAGE_LOCK_UNFAIRNESS);
        if (queueOrTake(wait)) {
            return true;
        }
        wait.release();
        return false;
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
        wait.release();
    }

    /**
     * {@code unlock_page}: clear PG_locked with release ordering and learn, in the same locked
     * instruction, whether PG_waiters was set; only then take the slow path and wake a sleeper.
     */
    public static void unlockPage(Page page) {
        if (page.map().debugPgflags()) {
            vmBugOnPageUnlocked(page);
        }
        if (Bitops.clearBitUnlockIsNegativeByte(PG_LOCKED_BIT, page.words(), page.flagIndex())) {
            wakeUpPageBit(page, PG_locked);
        }
    }

    /**
     * {@code VM_BUG_ON_PAGE(!PageLocked(page), page)}: compiled into {@code unlock_page} only with
     * CONFIG_DEBUG_VM, so only the model's debug mode ({@link MemMap#debugPgflags()}) runs it.
     * Without it, an unlock of an unlocked page is the caller's bug, unchecked as in a production
     * kernel; {@link Bitops#clearBitUnlockIsNegativeByte} still asserts it (Java assertions).
     */
    private static void vmBugOnPageUnlocked(Page page) {
        if (!page.test(PG_locked)) {
            throw new PageFlagsBug("VM_BUG_ON_PAGE(!PageLocked(page)): unlock_page of unlocked " + page);
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
