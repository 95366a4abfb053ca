package dev.pageflags.stress.lincheck;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Removes the previous run's verdicts.json as the test JVM starts its tests, before any check runs
 * (registered in {@code META-INF/services}). Without it the file would go only when the first
 * check records, and a JVM running no check would leave a stale file behind.
 */
public final class VerdictsFileReset implements TestExecutionListener {
    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        VerdictsFile.reset();
    }
}
