package dev.pageflags.stress.lincheck;

import dev.pageflags.stress.Race001_MlockAfterMunlockAll;
import dev.pageflags.stress.Race001_MlockAfterZap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

/**
 * Race 001 under Lincheck, both races of the seed: {@code try_to_unmap_one()} mlocks the page after
 * dropping the pte lock, once against munlock of all pages, once against truncation's zap. The fix
 * mlocks under the pte lock.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class Race001LincheckTest {
    @Test
    void brokenMlockAfterMunlockAllLeavesPageMlocked() {
        RaceChecks.check(() -> Race001_MlockAfterMunlockAll.Broken.newScenario());
    }

    @Test
    void fixedMlockUnderPteLockHoldsAgainstMunlockAll() {
        RaceChecks.check(() -> Race001_MlockAfterMunlockAll.Fixed.newScenario());
    }

    @Test
    void brokenMlockAfterZapFreesMlockedPage() {
        RaceChecks.check(() -> Race001_MlockAfterZap.Broken.newScenario());
    }

    @Test
    void fixedMlockUnderPteLockHoldsAgainstZap() {
        RaceChecks.check(() -> Race001_MlockAfterZap.Fixed.newScenario());
    }
}
