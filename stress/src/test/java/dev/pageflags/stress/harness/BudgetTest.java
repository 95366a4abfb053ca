package dev.pageflags.stress.harness;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BudgetTest {
    @Test
    void defaultRunsOneConfigurationForTheSameSamplingTimeOnEveryJdk() {
        // JDK 17 still has biased locking: JCStress doubles the configuration, so half the iterations.
        assertEquals(List.of("-sc", "false", "-jvmArgs", "-XX:TieredStopAtLevel=4", "-f", "1", "-iters", "4",
                "-time", "1000", "-af", "NONE", "-strideSize", "4"), Budget.DEFAULT.jcstressArgs(17));
        assertEquals(List.of("-sc", "false", "-jvmArgs", "-XX:TieredStopAtLevel=4", "-f", "1", "-iters", "8",
                "-time", "1000", "-af", "NONE", "-strideSize", "4"), Budget.DEFAULT.jcstressArgs(25));
        assertEquals(2, Budget.DEFAULT.expectedJvmConfigs(17));
        assertEquals(1, Budget.DEFAULT.expectedJvmConfigs(21));
    }

    @Test
    void quickIsShorterThanDefault() {
        assertTrue(Budget.QUICK.expectedSecondsPerTest(17) < Budget.DEFAULT.expectedSecondsPerTest(17));
        assertTrue(Budget.QUICK.iterations(17) >= 1);
    }

    @Test
    void toughHandsTheConfigurationMatrixBackToJCStress() {
        List<String> args = Budget.TOUGH.jcstressArgs(17);
        assertFalse(args.contains("-jvmArgs"));
        assertFalse(args.contains("-sc"));
        assertTrue(String.join(" ", args).startsWith("-m default"));
        assertEquals(0, Budget.TOUGH.expectedJvmConfigs(17));
        assertTrue(Budget.TOUGH.expectedSecondsPerTest(17) > 5 * Budget.DEFAULT.expectedSecondsPerTest(17));
    }

    @Test
    void eachKindHasItsOwnSamplingAndDeadline() {
        assertEquals(List.of("-sc", "false", "-jvmArgs", "-XX:TieredStopAtLevel=4", "-f", "1", "-iters", "1",
                "-time", "500", "-af", "NONE", "-strideSize", "4"), Budget.DEFAULT.jcstressArgs(17, TestKind.LITMUS));
        assertTrue(Budget.DEFAULT.expectedSecondsPerTest(17, TestKind.ATOMICITY)
                < Budget.DEFAULT.expectedSecondsPerTest(17, TestKind.RACES));
        // 4 s of sampling per fork on JDK 17: twice that, JCStress's 30 s STALE wait and 30 s of slack;
        // 4 + 15 s once a fork has hung.
        assertEquals(68, Budget.DEFAULT.forkDeadlineSeconds(17, TestKind.RACES));
        assertEquals(19, Budget.DEFAULT.forkDeadlineAfterAHangSeconds(17, TestKind.RACES));
        assertEquals(62, Budget.DEFAULT.forkDeadlineSeconds(17, TestKind.LITMUS));
    }

    @Test
    void evenTheQuickBudgetWaitsOutJcstressStaleDetection() {
        // A broken Termination test is graded STALE only after about 30 s; killing its VM sooner
        // turns a reproduced race into a "hung" error.
        assertTrue(Budget.QUICK.forkDeadlineSeconds(17, TestKind.RACES) >= 60);
    }
}
