package dev.pageflags.stress.lincheck;

import dev.pageflags.stress.Race000_MlockWithoutPageLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

/**
 * Race 000 under Lincheck: reclaim's nonlinear cluster scan mlocks the page without its page lock
 * while munlock of another vma munlocks it. An interleaving bug: Lincheck must find it in the
 * broken code and find no interleaving that breaks the fix (the trylock of the page lock).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class Race000LincheckTest {
    @Test
    void brokenMlockWithoutPageLockLeavesMlockedPageEvictable() {
        RaceChecks.check(() -> Race000_MlockWithoutPageLock.Broken.newScenario());
    }

    @Test
    void fixedTrylockBeforeMlockHolds() {
        RaceChecks.check(() -> Race000_MlockWithoutPageLock.Fixed.newScenario());
    }
}
