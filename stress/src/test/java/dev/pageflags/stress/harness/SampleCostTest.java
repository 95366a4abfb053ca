package dev.pageflags.stress.harness;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.pageflags.mm.Variant;
import dev.pageflags.stress.SampleCostOf.Part;
import org.junit.jupiter.api.Test;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.Mode;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample-cost tests ({@code @SampleCostOf}): how they are selected, checked and graded, and
 * summary's "Where a race sample's time goes" with its bound.
 */
class SampleCostTest {
    private static final SuiteTest CAL = Fixtures.calibration();
    private static final SuiteTest B4 = Fixtures.test("Race004_X.Broken", "004", Variant.BROKEN);
    private static final SuiteTest F4 = Fixtures.test("Race004_X.Fixed", "004", Variant.FIXED);
    private static final SuiteTest B0 = Fixtures.test("Race000_Y.Broken", "000", Variant.BROKEN);
    private static final SuiteTest B4_WORLD = cost("SampleCost004_X.WorldOnly", B4, Part.WORLD_ONLY);
    private static final SuiteTest B4_ONE = cost("SampleCost004_X.OneThread", B4, Part.ONE_THREAD);
    private static final SuiteTest F4_WORLD = cost("SampleCostF004_X.WorldOnly", F4, Part.WORLD_ONLY);
    private static final SuiteTest B0_WORLD = cost("SampleCost000_Y.WorldOnly", B0, Part.WORLD_ONLY);
    private static final SuiteTest B0_ONE = cost("SampleCost000_Y.OneThread", B0, Part.ONE_THREAD);

    /** A sample-cost test of {@code race}: one ACCEPTABLE state, one named FORBIDDEN, the FORBIDDEN catch-all. */
    private static SuiteTest cost(String name, SuiteTest race, Part part) {
        return Fixtures.test("calibration." + name, new Claim.SampleCost(race.name(), part));
    }

    /** {@code samples} in its acceptable state over 10 s of sampling: samples / 10 per second. */
    private static TestVerdict measured(SuiteTest test, long samples) {
        return Grader.grade(test, Fixtures.run(test, 0, samples), true);
    }

    @Test
    void theBoundAddsTimesPerSampleAcrossPhases() {
        // t_race 1 us, t_worldOnly 0.5 us, t_calibration 0.1 us: 1 / 0.6 us over 1 / 0.1 us.
        assertEquals(0.1 / 0.6, SampleCosts.boundShare(1e6, 2e6, 1e7).getAsDouble(), 1e-12);
        // A race costing no more than its world: it would sample at the calibration rate.
        assertEquals(1.0, SampleCosts.boundShare(2e6, 2e6, 1e7).getAsDouble(), 1e-12);
        assertEquals(OptionalDouble.empty(), SampleCosts.boundShare(-1, 2e6, 1e7), "no race rate");
        assertEquals(OptionalDouble.empty(), SampleCosts.boundShare(1e6, 0, 1e7), "no world-only rate");
        assertEquals(OptionalDouble.empty(), SampleCosts.boundShare(1e6, 2e6, -1), "no calibration rate");
        // World only slower than the race by more than the calibration's time: noise, no bound.
        assertEquals(OptionalDouble.empty(), SampleCosts.boundShare(1e6, 0.5e6, 1e7));
    }

    @Test
    void theTableShowsEachDecomposedRaceItsPartsAndItsBound() {
        // Race 100,000/s (10 us), world only 200,000/s (5 us), calibration 1,000,000/s (1 us): 1 / 6 = 0.17x.
        // Fixed race 300,000/s (3.33 us), world only 400,000/s (2.5 us): 1 / 1.83 = 0.55x.
        SuiteReport report = Fixtures.report(List.of(
                Grader.grade(B4, Fixtures.run(B4, 5, 999_995), true),
                measured(F4, 3_000_000),
                measured(B4_WORLD, 2_000_000),
                measured(B4_ONE, 1_500_000),
                measured(F4_WORLD, 4_000_000),
                Grader.grade(CAL, Fixtures.calibrationRun(2_000_000, 2.0), true)));
        String md = SummaryMarkdown.render(report);
        assertTrue(md.contains("### Where a race sample's time goes"), md);
        assertTrue(md.contains("| Race004_X.Broken | 100,000 | 0.10x | 200,000 | 0.20x | 150,000"
                + " | 0.15x | **0.17x, below 0.25x** |"), md);
        assertTrue(md.contains("| Race004_X.Fixed | 300,000 | 0.30x | 400,000 | 0.40x | missing | - | 0.55x |"), md);
        assertTrue(md.contains("**Cheaper construction alone cannot bring these to 0.25x: Race004_X.Broken (0.17x).**"),
                md);
        assertTrue(md.contains("1 / (t_race - t_worldOnly + t_calibration)"), "the legend states the derivation");
        assertFalse(md.contains("No sample-cost test in this run"), md);
        assertTrue(md.contains("Calibration: `TwoActorWrites`, 1,000,000 samples/s"),
                "a sample-cost test is never taken for the calibration: " + md);

        JsonObject cost = JsonParser.parseString(SummaryJson.render(report)).getAsJsonObject()
                .getAsJsonObject("sampleCost");
        JsonObject row = cost.getAsJsonArray("rows").get(0).getAsJsonObject();
        assertEquals(B4.name(), row.get("raceTest").getAsString());
        assertEquals(0.167, row.get("boundVsCalibration").getAsDouble());
        assertTrue(row.get("boundBelowRateFloor").getAsBoolean());
        assertEquals(200_000L, row.getAsJsonObject("worldOnly").get("samplesPerSecond").getAsLong());
        assertEquals(0.15, row.getAsJsonObject("oneThread").get("rateVsCalibration").getAsDouble());
        assertTrue(cost.getAsJsonArray("rows").get(1).getAsJsonObject().get("oneThread").isJsonNull());
        assertEquals(1, cost.getAsJsonArray("boundBelowFloor").size());
        assertEquals(B4.name(), cost.getAsJsonArray("boundBelowFloor").get(0).getAsString());
    }

    @Test
    void missingCostTestsAndRatesAreSaidNeverLeftBlank() {
        SuiteReport noCost = Fixtures.report(List.of(
                Grader.grade(B4, Fixtures.run(B4, 5, 999_995), true),
                Grader.grade(CAL, Fixtures.calibrationRun(2_000_000, 2.0), true)));
        String md = SummaryMarkdown.render(noCost);
        assertTrue(md.contains("**No sample-cost test in this run for: Race004_X**"), md);
        assertEquals("Race004_X", JsonParser.parseString(SummaryJson.render(noCost)).getAsJsonObject()
                .getAsJsonObject("sampleCost").getAsJsonArray("racesWithoutSampleCostTests").get(0).getAsString());

        SuiteReport noRates = Fixtures.report(List.of(
                Grader.error(B4_WORLD, "hung"),
                measured(B4_ONE, 1_500_000),
                Grader.grade(CAL, Fixtures.calibrationRun(2_000_000, 2.0), true)));
        md = SummaryMarkdown.render(noRates);
        assertTrue(md.contains("| Race004_X.Broken | race not in this run | - | no rate (error) | - | 150,000 | 0.15x"
                + " | - |"), md);
        assertTrue(md.contains("**No bound: no decomposed race variant has all three rates"), md);
    }

    @Test
    void aRaceTakesItsOwnSampleCostTestsAlongAndNoOthers() throws UsageException {
        List<SuiteTest> catalog = List.of(B0, B4, F4, CAL, B0_ONE, B0_WORLD, B4_ONE, B4_WORLD);
        assertEquals(List.of(B4, CAL, B4_ONE, B4_WORLD),
                Selection.select(catalog, Optional.empty(), Optional.of("Race004_X.Broken")));
        assertEquals(List.of(F4, CAL), Selection.select(catalog, Optional.empty(), Optional.of("Race004_X.Fixed")),
                "the fixed variant is not taken apart here");
        assertEquals(List.of(B0, B4, F4, CAL, B0_ONE, B0_WORLD, B4_ONE, B4_WORLD),
                Selection.select(catalog, Optional.empty(), Optional.empty(), Optional.of(TestKind.RACES)));
        assertEquals(List.of(CAL, B0_ONE, B0_WORLD, B4_ONE, B4_WORLD),
                Selection.select(catalog, Optional.empty(), Optional.empty(), Optional.of(TestKind.CALIBRATION)));
    }

    @Test
    void theyRunInTheRacesProcessWithTheirOptions() throws UsageException {
        SuiteOptions options = SuiteOptions.parse("--jar=j", "--results=r", "--work=w", "--lincheck=none",
                "--budget=quick");
        List<List<TestKind>> processes = List.copyOf(SuiteEngine.processes(options, Fixtures.machine(),
                List.of(B4, B4_WORLD)).values());
        assertEquals(1, processes.size(), processes.toString());
        assertEquals(TestKind.CALIBRATION, B4_WORLD.kind());
    }

    @Test
    void theyAreGradedByTheirRateAndFailOnAForbiddenState() {
        TestVerdict ok = measured(B4_ONE, 1_000);
        assertEquals(Verdict.MEASURED, ok.verdict());
        assertTrue(ok.reason().startsWith("sample cost: one thread, graded by its rate only"), ok.reason());
        TestVerdict bad = Grader.grade(B4_ONE, Fixtures.run(B4_ONE, 1, 1_000), true);
        assertEquals(Verdict.FAILED, bad.verdict());
        assertTrue(bad.verdict().failsBuild());
        TestVerdict unforeseen = Grader.grade(B4_WORLD, Fixtures.runWithUnforeseen(B4_WORLD, 0, 1_000, 1), true);
        assertEquals(Verdict.FAILED, unforeseen.verdict());
    }

    @Test
    void theyMustBeAbleToFailAndClaimNothingButTheirRate() {
        assertEquals(List.of(), CanFailCheck.problems(B4_WORLD));
        Claim claim = B4_WORLD.claim();
        SuiteTest acceptableCatchAll = new SuiteTest(B4_WORLD.name(), claim, Mode.Continuous, "", 2, List.of(
                new DeclaredOutcome("true", Expect.ACCEPTABLE, "untouched", false),
                new DeclaredOutcome("false", Expect.FORBIDDEN, "touched", false),
                new DeclaredOutcome(".*", Expect.ACCEPTABLE, "model error", true)));
        assertTrue(CanFailCheck.problems(acceptableCatchAll).get(0).contains("must be FORBIDDEN"),
                CanFailCheck.problems(acceptableCatchAll).toString());
        SuiteTest nothingNamedBad = new SuiteTest(B4_WORLD.name(), claim, Mode.Continuous, "", 2, List.of(
                new DeclaredOutcome("true", Expect.ACCEPTABLE, "untouched", false),
                new DeclaredOutcome(".*", Expect.FORBIDDEN, "model error", true)));
        assertTrue(CanFailCheck.problems(nothingNamedBad).get(0).contains("names no FORBIDDEN"),
                CanFailCheck.problems(nothingNamedBad).toString());
        SuiteTest interesting = new SuiteTest(B4_WORLD.name(), claim, Mode.Continuous, "", 2, List.of(
                new DeclaredOutcome("true", Expect.ACCEPTABLE_INTERESTING, "untouched", false),
                new DeclaredOutcome("false", Expect.FORBIDDEN, "touched", false),
                new DeclaredOutcome(".*", Expect.FORBIDDEN, "model error", true)));
        assertTrue(CanFailCheck.problems(interesting).get(0).contains("claims nothing but its rate"),
                CanFailCheck.problems(interesting).toString());
        SuiteTest declaredTwice = new SuiteTest(B4_WORLD.name(), claim, Mode.Continuous, "", 2, List.of(
                new DeclaredOutcome("true", Expect.ACCEPTABLE, "untouched", false),
                new DeclaredOutcome("false", Expect.FORBIDDEN, "touched", false),
                new DeclaredOutcome("true", Expect.ACCEPTABLE, "untouched", false),
                new DeclaredOutcome("false", Expect.FORBIDDEN, "touched", false),
                new DeclaredOutcome(".*", Expect.FORBIDDEN, "model error", true)));
        assertEquals(2, CanFailCheck.problems(declaredTwice).size(), CanFailCheck.problems(declaredTwice).toString());
        assertTrue(CanFailCheck.problems(declaredTwice).get(0).contains("declares @Outcome 'true' 2 times"),
                CanFailCheck.problems(declaredTwice).toString());
        SuiteTest oneActor = new SuiteTest(B4_WORLD.name(), claim, Mode.Continuous, "", 1, B4_WORLD.outcomes());
        assertTrue(CanFailCheck.problems(oneActor).get(0).contains("1 actor(s)"),
                CanFailCheck.problems(oneActor).toString());
    }
}
