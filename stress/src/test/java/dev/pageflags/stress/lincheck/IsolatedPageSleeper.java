package dev.pageflags.stress.lincheck;

import dev.pageflags.mm.Filemap;
import dev.pageflags.mm.PageFlag;
import dev.pageflags.mm.Variant;
import dev.pageflags.mm.WaitPageQueue;
import dev.pageflags.stress.Race004_IsolatedClearLosesWaiters;

import static dev.pageflags.mm.PageFlag.PG_locked;

/**
 * Race 004 with the real sleeping page lock, shaped for Lincheck: compaction's
 * {@code putback_movable_pages()} clears PG_isolated and unlocks a page while another task sleeps
 * in {@code lock_page()} on it.
 *
 * <ul>
 *   <li>{@code actor1}, the lock holder: {@code putback_movable_page(page)} (broken:
 *       {@code __ClearPageIsolated}, a whole-word read then write), then {@code unlock_page(page)},
 *       which wakes a sleeper only if it sees PG_waiters;</li>
 *   <li>{@code actor2}, the sleeper: {@code lock_page(page)}, then {@code unlock_page(page)}. Its slow
 *       path is {@code __lock_page}: set PG_waiters and queue under the hashed wait-queue lock, then
 *       park until a waker picks it. The two halves are called one after the other, exactly as
 *       {@code Filemap.lockPage} does, only so the check can see the queued entry.</li>
 * </ul>
 *
 * <p>The lost wake-up: the holder loads {PG_locked|PG_isolated}; the sleeper sets PG_waiters and
 * queues; the holder stores {PG_locked}, wiping PG_waiters, and its unlock sees no waiters. The
 * sleeper stays queued and parked with the page unlocked. Under JCStress that is a STALE
 * termination; under Lincheck, whose parking model lets a parked thread wake spuriously, a hang is
 * no clean signal, so {@link #wakeUpLost()} judges the unlocker's decision itself once it returned.
 */
final class IsolatedPageSleeper extends Race004_IsolatedClearLosesWaiters.Scenario implements BlockingRace {
    /** Set once the sleeper either took the lock or is queued: its side of the race is decided. */
    private volatile boolean queuedOrLocked;

    /** The start and the holder are the continuous test's; only the sleeper's half is added here. */
    IsolatedPageSleeper(Variant variant) {
        super(variant);
    }

    /** The sleeper: {@code lock_page()} (fast path, else queue and park), then {@code unlock_page()}. */
    @Override
    public void actor2() {
        super.actor2();
        queuedOrLocked = true;
        WaitPageQueue queued = waitEntry();
        if (queued != null) {
            Filemap.sleepOnPageLock(queued);
        }
        Filemap.unlockPage(page());
    }

    /**
     * The holder has returned, so nobody else will ever unlock this page or wake its queue: a
     * queued sleeper that is not woken by now never will be. Waits first for the sleeper to finish
     * its non-blocking half, which it always can.
     */
    @Override
    public boolean wakeUpLost() {
        while (!queuedOrLocked) {
            Thread.onSpinWait();
        }
        WaitPageQueue queued = waitEntry();
        return queued != null && !queued.isWoken() && !page().test(PG_locked);
    }

    /**
     * Puts back the PG_waiters the holder's non-atomic store wiped, under the page lock, and
     * unlocks: {@code unlock_page} now sees a waiter and wakes the sleeper, which takes the lock
     * and returns. The page is free here (checked by {@link #wakeUpLost()}), so the trylock wins.
     */
    @Override
    public void rescueSleeper() {
        if (!Filemap.trylockPage(page())) {
            throw new IllegalStateException("rescue: page locked although the wake-up was lost: " + page());
        }
        page().set(PageFlag.PG_waiters);
        Filemap.unlockPage(page());
    }
}
