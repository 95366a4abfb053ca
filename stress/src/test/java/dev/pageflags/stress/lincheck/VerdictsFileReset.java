package dev.pageflags.stress.lincheck;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Removes the previous run's verdicts.json as the test JVM starts its tests, before any check runs
 * (registered in {@code META-INF/services}). Without it the file would go only when the first
 * check records, and a JVM running no check would leave a stale file behind.
 *
 * <p>Only in the JVM that owns the file: Surefire's (the test phase) sets
 * {@value #OWNER_PROPERTY}. Failsafe's JVM, which runs the suite that reads the file, loads the same
 * test class path and so this listener too; there it must leave the file alone.
 */
public final class VerdictsFileReset implements TestExecutionListener {
    static final String OWNER_PROPERTY = "lincheck.verdicts.owner";

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        if (Boolean.getBoolean(OWNER_PROPERTY)) {
            VerdictsFile.reset();
        }
    }
}
