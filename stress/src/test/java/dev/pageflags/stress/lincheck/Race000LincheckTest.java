package dev.pageflags.stress.lincheck;

import dev.pageflags.mm.Variant;
import dev.pageflags.stress.Race000_MlockWithoutPageLock;
import org.junit.jupiter.api.Test;

/**
 * Race 000 under Lincheck: reclaim's nonlinear cluster scan mlocks the page without its page lock
 * while munlock of another vma munlocks it. An interleaving bug: Lincheck must find it in the
 * broken code and find no interleaving that breaks the fix (the trylock of the page lock).
 */
class Race000LincheckTest {
    @Test
    void brokenMlockWithoutPageLockLeavesMlockedPageEvictable() {
        RaceChecks.expectViolation(Race000_MlockWithoutPageLock.Broken.class,
                () -> new Race000_MlockWithoutPageLock.Scenario(Variant.BROKEN));
    }

    @Test
    void fixedTrylockBeforeMlockHolds() {
        RaceChecks.expectNoViolation(Race000_MlockWithoutPageLock.Fixed.class,
                () -> new Race000_MlockWithoutPageLock.Scenario(Variant.FIXED), Bounds.FIXED);
    }
}
