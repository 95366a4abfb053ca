package dev.pageflags.stress.harness;

import dev.pageflags.mm.Variant;
import dev.pageflags.stress.LitmusTest.Lkmm;
import dev.pageflags.stress.LitmusTest.Tso;
import org.junit.jupiter.api.Test;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.os.CPUMap;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The calibration test: how it is selected, graded, checked, run beside the races, and read against
 * ({@link SamplingRates}); and the CPUs and VM time each test's row carries.
 */
class CalibrationTest {
    private static final SuiteTest CAL = Fixtures.calibration();
    private static final SuiteTest B4 = Fixtures.test("Race004_X.Broken", "004", Variant.BROKEN);
    private static final SuiteTest F4 = Fixtures.test("Race004_X.Fixed", "004", Variant.FIXED);
    private static final SuiteTest SB = Fixtures.litmus("SB", Lkmm.SOMETIMES, Tso.ALLOWED, 2);
    private static final List<SuiteTest> CATALOG = List.of(B4, F4, SB, CAL);

    @Test
    void everySelectionWithARaceTakesTheCalibrationTestAlong() throws UsageException {
        assertEquals(List.of(B4, CAL), Selection.select(CATALOG, Optional.empty(), Optional.of("Race004_X.Broken")));
        assertEquals(List.of(B4, F4, CAL), Selection.select(CATALOG, Optional.of("004"), Optional.empty()));
        assertEquals(List.of(B4, F4, CAL), Selection.select(CATALOG, Optional.empty(), Optional.empty(),
                Optional.of(TestKind.RACES)));
        assertEquals(List.of(SB), Selection.select(CATALOG, Optional.empty(), Optional.empty(),
                Optional.of(TestKind.LITMUS)), "no race, no calibration");
        assertEquals(List.of(CAL), Selection.select(CATALOG, Optional.empty(), Optional.empty(),
                Optional.of(TestKind.CALIBRATION)));
        assertEquals(List.of(B4, F4, SB, CAL), Selection.select(CATALOG, Optional.empty(), Optional.empty()),
                "taken once, not twice");
    }

    @Test
    void itRunsWithTheRacesOptionsInTheirProcessUnderEveryBudget() throws UsageException {
        for (Budget budget : Budget.values()) {
            SuiteOptions options = SuiteOptions.parse("--jar=j", "--results=r", "--work=w", "--lincheck=none",
                    "--budget=" + budget.label());
            List<List<TestKind>> processes = List.copyOf(SuiteEngine.processes(options, Fixtures.machine(),
                    List.of(B4, SB, CAL)).values());
            List<TestKind> races = processes.stream().filter(p -> p.contains(TestKind.RACES)).findFirst().orElseThrow();
            assertTrue(races.contains(TestKind.CALIBRATION), budget + ": " + processes);
            assertEquals(budget.jcstressArgs(25, TestKind.RACES), budget.jcstressArgs(25, TestKind.CALIBRATION));
        }
        assertEquals("races", ReportFiles.label(List.of(TestKind.RACES, TestKind.CALIBRATION)),
                "the races' report files keep their names");
        assertEquals("races", ReportFiles.label(List.of(TestKind.CALIBRATION)));
    }

    @Test
    void itIsGradedByItsSamplesAndItsDeclaredStatesOnly() {
        TestVerdict measured = Grader.grade(CAL, Fixtures.calibrationRun(4_000_000, 2.0), true);
        assertEquals(Verdict.MEASURED, measured.verdict());
        assertFalse(measured.verdict().failsBuild());
        assertFalse(measured.verdict().isUnseen(), "never given a second run");
        assertEquals(2_000_000, measured.samplesPerSecond(), 1e-9);

        TestVerdict empty = Grader.grade(CAL, Fixtures.calibrationRun(0, 2.0), true);
        assertEquals(Verdict.ERROR, empty.verdict());

        TestRun undeclared = new TestRun(CAL.name(), "NORMAL", List.of(
                new OutcomeCount("1, 2", Expect.ACCEPTABLE, 1000, "both stores seen"),
                new OutcomeCount("0, 2", Expect.FORBIDDEN, 1, "harness error")), List.of(), List.of(), 1.0);
        TestVerdict failed = Grader.grade(CAL, undeclared, true);
        assertEquals(Verdict.FAILED, failed.verdict());
        assertTrue(failed.reason().contains("[0, 2] x1"), failed.reason());
    }

    @Test
    void itMayDeclareNothingButAcceptableStatesAndMustHaveTwoActors() {
        assertEquals(List.of(), CanFailCheck.problems(CAL));
        SuiteTest interesting = new SuiteTest(CAL.name(), new Claim.Calibration(), Mode.Continuous, "", 2, List.of(
                new DeclaredOutcome("1, 2", Expect.ACCEPTABLE_INTERESTING, "both", false),
                new DeclaredOutcome(".*", Expect.FORBIDDEN, "harness error", true)));
        List<String> problems = CanFailCheck.problems(interesting);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("graded by its rate only"), problems.get(0));
        SuiteTest oneActor = new SuiteTest(CAL.name(), new Claim.Calibration(), Mode.Continuous, "", 1,
                CAL.outcomes());
        assertTrue(CanFailCheck.problems(oneActor).get(0).contains("1 actor(s)"), CanFailCheck.problems(oneActor)
                .toString());
    }

    @Test
    void eachTestsRateIsReadAgainstTheCalibrationRateAndSlowRacesAreFlagged() {
        // Fixtures.run: 1,000,000 samples in 10 s = 100,000/s; calibration 1,000,000/s: 0.10x.
        SuiteReport report = Fixtures.report(List.of(
                Grader.grade(B4, Fixtures.run(B4, 5, 999_995), true),
                Grader.grade(F4, Fixtures.run(F4, 0, 3_000_000), true),
                Grader.grade(SB, Fixtures.run(SB, 1, 999_999), true),
                Grader.grade(CAL, Fixtures.calibrationRun(2_000_000, 2.0), true)));
        SamplingRates rates = SamplingRates.of(report);
        assertEquals(1_000_000, rates.calibrationRate().getAsDouble(), 1e-9);
        TestVerdict broken = report.tests().get(0);
        assertEquals(0.1, rates.share(broken).getAsDouble(), 1e-9);
        assertTrue(rates.belowFloor(broken));
        assertFalse(rates.belowFloor(report.tests().get(1)), "0.30x is above the floor");
        assertFalse(rates.belowFloor(report.tests().get(2)), "only race tests are flagged");
        assertEquals(List.of(broken), rates.belowFloor(report));
        assertEquals("0.10x", rates.shareCell(broken));
        assertEquals("0.30x", rates.shareCell(report.tests().get(1)));
    }

    @Test
    void aTerminationTestGetsNoShare() {
        SuiteTest sleeper = Fixtures.termination("Race004_S.Broken", Variant.BROKEN, Expect.ACCEPTABLE_INTERESTING);
        TestRun run = new TestRun(sleeper.name(), "NORMAL", List.of(
                new OutcomeCount("TERMINATED", Expect.ACCEPTABLE, 10, "woken")), List.of(), List.of(), 1.0);
        SuiteReport report = Fixtures.report(List.of(Grader.grade(sleeper, run, true),
                Grader.grade(CAL, Fixtures.calibrationRun(2_000_000, 2.0), true)));
        SamplingRates rates = SamplingRates.of(report);
        assertTrue(rates.share(report.tests().get(0)).isEmpty());
        assertFalse(rates.belowFloor(report.tests().get(0)));
        assertEquals("n/a (Termination)", rates.shareCell(report.tests().get(0)));
    }

    @Test
    void withoutACalibrationRateNoShareIsMadeUpAndTheProblemIsNamed() {
        TestVerdict noRate = Grader.grade(CAL, Fixtures.calibrationRun(2_000_000, 0), true);
        SamplingRates rates = SamplingRates.of(Fixtures.report(List.of(
                Grader.grade(B4, Fixtures.run(B4, 5, 999_995), true), noRate)));
        assertTrue(rates.calibrationRate().isEmpty());
        assertTrue(rates.problem().contains("recorded no rate"), rates.problem());
        assertTrue(SamplingRates.of(Fixtures.report(List.of(Grader.grade(B4, Fixtures.run(B4, 5, 999_995), true))))
                .problem().contains("no calibration test in this run, though race tests ran"));
    }

    @Test
    void theCpusOfATestAreWhatJCStressReservedForItsForks() {
        CPUMap unpinned = new CPUMap(new int[] {0, 1}, new int[] {-1, -1}, new int[0], null, null, null, null);
        CPUMap packed = new CPUMap(new int[] {2, 3}, new int[] {-1, -1}, new int[0], null, null, null, null);
        TestResources r = ResultFileReader.cpus(List.of(unpinned, packed));
        assertEquals(2, r.cpus());
        assertEquals(List.of(0, 1, 2, 3), r.cpuSlots());
        assertFalse(r.actorsPinned());
        CPUMap pinned = new CPUMap(new int[] {4, 5}, new int[] {4, 5}, new int[0], null, null, null, null);
        assertTrue(ResultFileReader.cpus(List.of(pinned)).actorsPinned());
        assertFalse(ResultFileReader.cpus(List.of()).cpusKnown());
    }

    @Test
    void aForkIsToldFromTheDirectivesJCStressWritesForIt() {
        String directives = "[ { match: \"org.openjdk.jcstress.infra.runners.WorkerSync::*\", },"
                + " { inline: \"+org.openjdk.jcstress.infra.runners.WorkerSync::*\","
                + " inline: \"+org.openjdk.jcstress.infra.runners.WorkerSync::awaitCheckpoint\","
                + " inline: \"-dev.pageflags.stress.Race004_X$Broken::holder\","
                + " inline: \"+dev.pageflags.stress.Race004_X$Broken::waiter\" } ]";
        assertEquals(Optional.of("dev.pageflags.stress.Race004_X.Broken"), ForkLog.testIn(directives));
        assertEquals(Optional.empty(), ForkLog.testIn("[ { match: \"*::jcstress_iteration_*\" } ]"));
        assertEquals(Optional.empty(), ForkLog.testIn("\"+a.B::x\" \"+a.C::y\""), "two classes: not told");
    }
}
