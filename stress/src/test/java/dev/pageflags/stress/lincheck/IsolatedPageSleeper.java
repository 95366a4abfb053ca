package dev.pageflags.stress.lincheck;

import dev.pageflags.mm.Filemap;
import dev.pageflags.mm.MemMap;
import dev.pageflags.mm.Page;
import dev.pageflags.mm.PageFlag;
import dev.pageflags.mm.Variant;
import dev.pageflags.mm.WaitPageQueue;
import dev.pageflags.mm.v5_17.BalloonDevInfo;
import dev.pageflags.mm.v5_17.Migrate;

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
final class IsolatedPageSleeper implements BlockingRace {
    private final Page page;
    private final Migrate migrate;

    /** The sleeper's wait-queue entry, or null when its last trylock under the queue lock took the page. */
    private volatile WaitPageQueue entry;
    /** Set once the sleeper either took the lock or is queued: its side of the race is decided. */
    private volatile boolean queuedOrLocked;

    IsolatedPageSleeper(Variant variant) {
        // The same start as Race004_IsolatedClearLosesWaiters.Scenario, whose page and queue entry
        // are private: a balloon page in use, isolated by compaction, which now holds its lock in
        // putback_movable_pages(): the state in which the seed's CPU1 clears PG_isolated.
        page = new MemMap(1).page(0);
        page.getPage();
        BalloonDevInfo balloon = new BalloonDevInfo();
        balloon.balloonPageInsert(page);
        migrate = new Migrate(variant, balloon);
        if (!migrate.isolateMovablePage(page)) {
            throw new IllegalStateException("setup: isolate_movable_page failed on " + page);
        }
        Filemap.lockPage(page);
    }

    /** The lock holder: the locked section of {@code putback_movable_pages()}. */
    @Override
    public void actor1() {
        migrate.putbackMovablePage(page);
        Filemap.unlockPage(page);
        page.putPage();
    }

    /** The sleeper: {@code lock_page()} (fast path, else queue and park), then {@code unlock_page()}. */
    @Override
    public void actor2() {
        if (!Filemap.trylockPage(page)) {
            WaitPageQueue queued = Filemap.queueForPageLock(page);
            entry = queued;
            queuedOrLocked = true;
            if (queued != null) {
                Filemap.sleepOnPageLock(queued);
            }
        } else {
            queuedOrLocked = true;
        }
        Filemap.unlockPage(page);
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
        WaitPageQueue queued = entry;
        return queued != null && !queued.isWoken() && !page.test(PG_locked);
    }

    /**
     * Puts back the PG_waiters the holder's non-atomic store wiped, under the page lock, and
     * unlocks: {@code unlock_page} now sees a waiter and wakes the sleeper, which takes the lock
     * and returns. The page is free here (checked by {@link #wakeUpLost()}), so the trylock wins.
     */
    @Override
    public void rescueSleeper() {
        if (!Filemap.trylockPage(page)) {
            throw new IllegalStateException("rescue: page locked although the wake-up was lost: " + page);
        }
        page.set(PageFlag.PG_waiters);
        Filemap.unlockPage(page);
    }

    /** Both actors returned: the sleeper got the lock and released it, so nothing was lost. */
    @Override
    public boolean badEndState() {
        WaitPageQueue queued = entry;
        return queued != null && !queued.isWoken();
    }

    @Override
    public String describeEndState() {
        WaitPageQueue queued = entry;
        String sleeper = queued == null ? "sleeper took the lock without queueing"
                : queued.isWoken() ? "sleeper queued and woken"
                : "sleeper queued, never woken (lost wake-up: it sleeps for ever)";
        return sleeper + "; page flags " + PageFlag.describe(page.flags());
    }
}
