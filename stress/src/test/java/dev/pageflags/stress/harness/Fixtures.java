package dev.pageflags.stress.harness;

import dev.pageflags.mm.Variant;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.Mode;

import java.util.List;

/** Small hand-made tests and runs, so grading and reports can be checked without running JCStress. */
final class Fixtures {
    static final String PKG = "dev.pageflags.stress.";

    private Fixtures() {
    }

    static SuiteTest test(String name, String seed, Variant variant) {
        Expect bad = variant == Variant.FIXED ? Expect.FORBIDDEN : Expect.ACCEPTABLE_INTERESTING;
        return new SuiteTest(PKG + name, seed, variant, Mode.Continuous, "a race", 2, List.of(
                new DeclaredOutcome("true, false", bad, "waiter never woken", false),
                new DeclaredOutcome("false, .*", Expect.ACCEPTABLE, "waiter took the lock", false),
                new DeclaredOutcome(".*", Expect.FORBIDDEN, "No default case provided, assume Forbidden", true)));
    }

    static SuiteTest termination(String name, Variant variant, Expect staleGrade) {
        return new SuiteTest(PKG + name, "004", variant, Mode.Termination, "sleeps forever", 1, List.of(
                new DeclaredOutcome("TERMINATED", Expect.ACCEPTABLE, "woken", false),
                new DeclaredOutcome("STALE", staleGrade, "never woken", false)));
    }

    /** A normal run with {@code bad} samples in the bad state, {@code good} in an acceptable one. */
    static TestRun run(SuiteTest test, long bad, long good) {
        Expect badGrade = CanFailCheck.badGrade(test.variant());
        return new TestRun(test.name(), "NORMAL", List.of(
                new OutcomeCount("true, false", badGrade, bad, "waiter never woken"),
                new OutcomeCount("false, true", Expect.ACCEPTABLE, good, "waiter took the lock")),
                List.of(), List.of("-XX:TieredStopAtLevel=4"), 10.0);
    }

    static MachineInfo machine() {
        return new MachineInfo(2, "AMD EPYC", "Eclipse Adoptium", "25+36", "OpenJDK 64-Bit Server VM", 25,
                "Linux", "amd64", "6.1");
    }

    static SuiteReport report(List<TestVerdict> verdicts) {
        return new SuiteReport(verdicts, machine(), Budget.DEFAULT, Budget.DEFAULT.jcstressArgs(25),
                "stress.scenario=all, stress.test=all", 42.5, 0);
    }
}
