package dev.pageflags.stress.harness;

import dev.pageflags.machine.MachineInfo;
import dev.pageflags.mm.Variant;
import dev.pageflags.stress.LitmusTest;
import dev.pageflags.stress.RaceVariant;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.Mode;

import java.util.List;
import java.util.Map;

/** Small hand-made tests and runs, so grading and reports can be checked without running JCStress. */
final class Fixtures {
    static final String PKG = "dev.pageflags.stress.";
    static final String BAD_STATE = "true, false";
    static final String GOOD_STATE = "false, true";
    static final String UNFORESEEN_STATE = "true, true";

    private Fixtures() {
    }

    static SuiteTest test(String name, String seed, Variant variant) {
        return test(name, new Claim.Race(seed, variant, RaceVariant.Claim.BY_VARIANT));
    }

    /** A two-actor test named {@code name} whose one bad state is {@link #BAD_STATE}, graded as its claim says. */
    static SuiteTest test(String name, Claim claim) {
        return new SuiteTest(PKG + name, claim, Mode.Continuous, "a race", 2, List.of(
                new DeclaredOutcome(BAD_STATE, claim.badGrade(), "waiter never woken", false),
                new DeclaredOutcome("false, .*", Expect.ACCEPTABLE, "waiter took the lock", false),
                new DeclaredOutcome(".*", Expect.FORBIDDEN, "model error", true)));
    }

    static SuiteTest litmus(String name, LitmusTest.Lkmm lkmm, LitmusTest.Tso x86, int threads) {
        return test("litmus." + name, new Claim.Litmus(name, "tools/memory-model/litmus-tests/" + name + ".litmus",
                lkmm, x86, threads));
    }

    static SuiteTest pair(String name, boolean atomic, boolean toughOnly) {
        return test("atomicity." + name, new Claim.Atomicity("set_bit", atomic ? "clear_bit" : "__clear_bit", atomic,
                toughOnly));
    }

    /** A calibration test: one ACCEPTABLE state, the FORBIDDEN catch-all. */
    static SuiteTest calibration() {
        return new SuiteTest(PKG + "calibration.TwoActorWrites", new Claim.Calibration(), Mode.Continuous,
                "calibration", 2, List.of(
                new DeclaredOutcome("1, 2", Expect.ACCEPTABLE, "both stores seen", false),
                new DeclaredOutcome(".*", Expect.FORBIDDEN, "harness error", true)));
    }

    /**
     * A run of the calibration test: {@code samples} in its state, over {@code seconds} of sampling, its
     * VM given CPUs 0 and 1 by JCStress's scheduler, actors not pinned (-af NONE).
     */
    static TestRun calibrationRun(long samples, double seconds) {
        return new TestRun(PKG + "calibration.TwoActorWrites", "NORMAL", List.of(
                new OutcomeCount("1, 2", Expect.ACCEPTABLE, samples, "both stores seen")), List.of(), List.of(),
                seconds, new TestResources(2, List.of(0, 1), false, 0, 0));
    }

    static SuiteTest termination(String name, Variant variant, Expect staleGrade) {
        return new SuiteTest(PKG + name, new Claim.Race("004", variant, RaceVariant.Claim.BY_VARIANT),
                Mode.Termination, "sleeps forever", 1, List.of(
                new DeclaredOutcome("TERMINATED", Expect.ACCEPTABLE, "woken", false),
                new DeclaredOutcome("STALE", staleGrade, "never woken", false),
                new DeclaredOutcome(".*", Expect.FORBIDDEN, "model error", true)));
    }

    /** A normal run with {@code bad} samples in the bad state, {@code good} in an acceptable one, graded as JCStress would. */
    static TestRun run(SuiteTest test, long bad, long good) {
        return new TestRun(test.name(), "NORMAL", List.of(
                new OutcomeCount(BAD_STATE, test.claim().badGrade(), bad, "waiter never woken"),
                new OutcomeCount(GOOD_STATE, Expect.ACCEPTABLE, good, "waiter took the lock")),
                List.of(), List.of("-XX:TieredStopAtLevel=4"), 10.0);
    }

    /** As {@link #run}, plus samples in a state no @Outcome names (JCStress grades it by the catch-all). */
    static TestRun runWithUnforeseen(SuiteTest test, long bad, long good, long unforeseen) {
        return new TestRun(test.name(), "NORMAL", List.of(
                new OutcomeCount(BAD_STATE, test.claim().badGrade(), bad, "waiter never woken"),
                new OutcomeCount(GOOD_STATE, Expect.ACCEPTABLE, good, "waiter took the lock"),
                new OutcomeCount(UNFORESEEN_STATE, Expect.FORBIDDEN, unforeseen, "model error")),
                List.of(), List.of(), 10.0);
    }

    static MachineInfo machine() {
        return machine(2, "amd64");
    }

    static MachineInfo machine(int cpus, String arch) {
        return new MachineInfo(cpus, "AMD EPYC", arch, 1, 2596.0, "Eclipse Adoptium", "25+36",
                "OpenJDK 64-Bit Server VM", 25, "Linux", "6.1");
    }

    static SuiteReport report(List<TestVerdict> verdicts) {
        return new SuiteReport(verdicts, machine(), Budget.DEFAULT,
                Map.of(TestKind.RACES, Budget.DEFAULT.jcstressArgs(25)),
                "stress.scenario=all, stress.test=all, stress.group=all", 42.5, 0, "20261130T101500.000", null,
                List.of(new ProcessRun("races", verdicts.size(), 42.5, 1, 0)));
    }
}
