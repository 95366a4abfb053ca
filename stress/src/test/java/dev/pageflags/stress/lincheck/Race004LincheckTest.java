package dev.pageflags.stress.lincheck;

import dev.pageflags.mm.Variant;
import dev.pageflags.stress.Race004_IsolatedClearLosesWaiters;
import dev.pageflags.stress.Race004_LockPageWaiterSleepsForever;
import org.junit.jupiter.api.Test;

/**
 * Race 004 under Lincheck: {@code __ClearPageIsolated()} under the page lock overwrites the
 * PG_waiters bit a {@code lock_page()} caller just set, and {@code unlock_page()} wakes nobody.
 *
 * <p>Twice: the continuous scenario JCStress runs (the waiter only queues), and the real sleeping
 * page lock through {@link IsolatedPageSleeper}, where the check is the unlocker's wake-up
 * decision, since Lincheck's parking model lets a parked thread wake spuriously and a hang is no
 * verdict. The JCStress termination test cycles compaction a thousand rounds per sample behind a
 * spinning barrier; one round of the same calls is what Lincheck needs, and all it can explore.
 */
class Race004LincheckTest {
    @Test
    void brokenNonAtomicClearLosesWaiter() {
        RaceChecks.expectViolation(Race004_IsolatedClearLosesWaiters.Broken.class,
                () -> new Race004_IsolatedClearLosesWaiters.Scenario(Variant.BROKEN));
    }

    @Test
    void fixedAtomicClearKeepsWaiter() {
        RaceChecks.expectNoViolation(Race004_IsolatedClearLosesWaiters.Fixed.class,
                () -> new Race004_IsolatedClearLosesWaiters.Scenario(Variant.FIXED), Bounds.FIXED);
    }

    @Test
    void brokenSleepingLockPageIsNeverWoken() {
        RaceChecks.expectViolation(Race004_LockPageWaiterSleepsForever.Broken.class,
                () -> new IsolatedPageSleeper(Variant.BROKEN));
    }

    @Test
    void fixedSleepingLockPageIsWoken() {
        RaceChecks.expectNoViolation(Race004_LockPageWaiterSleepsForever.Fixed.class,
                () -> new IsolatedPageSleeper(Variant.FIXED), Bounds.FIXED);
    }
}
