package dev.pageflags.stress.calibration;

import org.junit.jupiter.api.Test;
import org.openjdk.jcstress.infra.results.Z_Result;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each sample-cost test's one sample, on one thread: what its ACCEPTABLE state says must hold before
 * JCStress is asked to count it millions of times.
 */
class SampleCostWorldsTest {
    private static final List<Supplier<SampleCost.WorldOnly>> WORLD_ONLY = List.of(
            SampleCost000_MlockWithoutPageLock.WorldOnly::new, SampleCost001_MlockAfterMunlockAll.WorldOnly::new,
            SampleCost001_MlockAfterZap.WorldOnly::new, SampleCost002_MigrationMlockCountedTwice.WorldOnly::new,
            SampleCost003_PutbackRescueMissingSmpMb.WorldOnly::new,
            SampleCost004_IsolatedClearLosesWaiters.WorldOnly::new);
    private static final List<Supplier<SampleCost.OneThread>> ONE_THREAD = List.of(
            SampleCost000_MlockWithoutPageLock.OneThread::new, SampleCost001_MlockAfterMunlockAll.OneThread::new,
            SampleCost001_MlockAfterZap.OneThread::new, SampleCost002_MigrationMlockCountedTwice.OneThread::new,
            SampleCost003_PutbackRescueMissingSmpMb.OneThread::new,
            SampleCost004_IsolatedClearLosesWaiters.OneThread::new);

    @Test
    void anIdleSampleIsJudgedAsAnUntouchedWorld() {
        for (Supplier<SampleCost.WorldOnly> test : WORLD_ONLY) {
            assertEquals(SampleCost.UNTOUCHED, judged(test.get()::judge), test.get().getClass().getName());
        }
    }

    /**
     * Unit tests run with assertions on, so the model's BUG_ON (a Java assert, off in JCStress's VMs) may
     * stop a broken variant's path here, as race 000's unlocked mlock_vma_page() does: that is the bug it
     * guards, and its serial order is then checked by the JCStress run of OneThread alone.
     */
    @Test
    void theTwoPathsInTurnNeverEndBad() {
        for (Supplier<SampleCost.OneThread> test : ONE_THREAD) {
            SampleCost.OneThread sample = test.get();
            try {
                sample.bothPaths();
            } catch (AssertionError bugOn) {
                assertTrue(String.valueOf(bugOn.getMessage()).startsWith("kernel BUG"), bugOn.toString());
                continue;
            }
            assertEquals(SampleCost.NOT_BAD, judged(sample::judge), sample.getClass().getName());
        }
    }

    private static String judged(Consumer<Z_Result> arbiter) {
        Z_Result r = new Z_Result();
        arbiter.accept(r);
        return String.valueOf(r.r1);
    }
}
