package dev.pageflags.stress.lincheck;

import dev.pageflags.mm.Variant;
import dev.pageflags.stress.Race000_MlockWithoutPageLock;
import dev.pageflags.stress.Race003_PutbackRescueMissingSmpMb;
import dev.pageflags.stress.Race004_IsolatedClearLosesWaiters;
import dev.pageflags.stress.Race004_LockPageWaiterSleepsForever;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A check's JCStress class and expectation come from the factory it calls, and only a plain call is accepted. */
class FactoryOwnerTest {
    @Test
    void theClassIsTheOwnerOfTheNewScenarioTheLambdaCalls() {
        assertEquals(Race000_MlockWithoutPageLock.Fixed.class,
                FactoryOwner.of(() -> Race000_MlockWithoutPageLock.Fixed.newScenario()));
    }

    @Test
    void aMethodReferenceIsRefusedBecauseLincheckWouldMissTheRace() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FactoryOwner.of(Race000_MlockWithoutPageLock.Broken::newScenario));
        assertTrue(e.getMessage().contains("not as a method reference"), e.getMessage());
    }

    @Test
    void aLambdaThatBuildsItsOwnRaceIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> FactoryOwner.of(() -> new Race004_IsolatedClearLosesWaiters.Scenario(Variant.BROKEN)));
    }

    @Test
    void theExpectationFollowsTheRaceVariant() {
        assertEquals(Expectation.VIOLATION, JCStressClass.of(Race000_MlockWithoutPageLock.Broken.class).expectation());
        assertEquals(Expectation.NO_VIOLATION, JCStressClass.of(Race000_MlockWithoutPageLock.Fixed.class).expectation());
        assertEquals(Expectation.NO_VIOLATION_NOT_APPLICABLE,
                JCStressClass.of(Race003_PutbackRescueMissingSmpMb.HypotheticalLayoutNoBarrier.class).expectation());
    }

    @Test
    void onlyTheTerminationTestHasASleepingWaiter() {
        assertTrue(JCStressClass.of(Race004_LockPageWaiterSleepsForever.Broken.class).waiterSleeps());
        assertFalse(JCStressClass.of(Race004_IsolatedClearLosesWaiters.Broken.class).waiterSleeps());
    }
}
