package dev.pageflags.stress.lincheck;

import dev.pageflags.stress.Race004_IsolatedClearLosesWaiters;
import dev.pageflags.stress.Race004_LockPageWaiterSleepsForever;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

/**
 * Race 004 under Lincheck: {@code __ClearPageIsolated()} under the page lock overwrites the
 * PG_waiters bit a {@code lock_page()} caller just set, and {@code unlock_page()} wakes nobody.
 *
 * <p>Twice: the continuous test (the waiter only queues; its arbiter's end state), and the
 * termination test with the real sleeping page lock, one compaction round of its own scenario.
 * For the sleeping one the check judges the waker's decision once compaction returned: the waiter
 * is queued, never woken, PG_waiters lost, the page free (see {@link LincheckRaceDriver}).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class Race004LincheckTest {
    @Test
    void brokenNonAtomicClearLosesWaiter() {
        RaceChecks.check(() -> Race004_IsolatedClearLosesWaiters.Broken.newScenario());
    }

    @Test
    void fixedAtomicClearKeepsWaiter() {
        RaceChecks.check(() -> Race004_IsolatedClearLosesWaiters.Fixed.newScenario());
    }

    @Test
    void brokenSleepingLockPageIsNeverWoken() {
        RaceChecks.check(() -> Race004_LockPageWaiterSleepsForever.Broken.newScenario());
    }

    @Test
    void fixedSleepingLockPageIsWoken() {
        RaceChecks.check(() -> Race004_LockPageWaiterSleepsForever.Fixed.newScenario());
    }
}
