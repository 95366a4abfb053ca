package dev.pageflags.stress.lincheck;

import dev.pageflags.mm.Variant;
import dev.pageflags.stress.Race001_MlockAfterMunlockAll;
import dev.pageflags.stress.Race001_MlockAfterZap;
import org.junit.jupiter.api.Test;

/**
 * Race 001 under Lincheck, both races of the seed: {@code try_to_unmap_one()} mlocks the page after
 * dropping the pte lock, once against munlock of all pages, once against truncation's zap. The fix
 * mlocks under the pte lock.
 */
class Race001LincheckTest {
    @Test
    void brokenMlockAfterMunlockAllLeavesPageMlocked() {
        RaceChecks.expectViolation(Race001_MlockAfterMunlockAll.Broken.class,
                () -> new Race001_MlockAfterMunlockAll.Scenario(Variant.BROKEN));
    }

    @Test
    void fixedMlockUnderPteLockHoldsAgainstMunlockAll() {
        RaceChecks.expectNoViolation(Race001_MlockAfterMunlockAll.Fixed.class,
                () -> new Race001_MlockAfterMunlockAll.Scenario(Variant.FIXED), Bounds.FIXED);
    }

    @Test
    void brokenMlockAfterZapFreesMlockedPage() {
        RaceChecks.expectViolation(Race001_MlockAfterZap.Broken.class,
                () -> new Race001_MlockAfterZap.Scenario(Variant.BROKEN));
    }

    @Test
    void fixedMlockUnderPteLockHoldsAgainstZap() {
        RaceChecks.expectNoViolation(Race001_MlockAfterZap.Fixed.class,
                () -> new Race001_MlockAfterZap.Scenario(Variant.FIXED), Bounds.FIXED);
    }
}
