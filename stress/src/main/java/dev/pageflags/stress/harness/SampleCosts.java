package dev.pageflags.stress.harness;

import dev.pageflags.stress.SampleCostOf;
import org.openjdk.jcstress.annotations.Mode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The race variants of one run that sample-cost tests ({@code @SampleCostOf}) took apart, each with its
 * parts' verdicts, and the bound those rates put on what cheaper construction could give.
 *
 * <p>The bound: a JCStress iteration runs its phases one after another (the actors' strides, then the
 * consume phase that runs the arbiter and builds the next states), so time per sample adds across
 * phases. With t = 1/rate, t_race - t_worldOnly is what the race's actors add to building and judging
 * its world; had the world cost no more than the calibration's state, the race would sample at
 * 1 / (t_race - t_worldOnly + t_calibration).
 */
final class SampleCosts {
    private SampleCosts() {
    }

    /**
     * One decomposed race variant.
     *
     * @param race      the race test's verdict, empty when it did not run in this run
     * @param worldOnly the verdict of its {@link SampleCostOf.Part#WORLD_ONLY} test, empty when missing
     * @param oneThread the verdict of its {@link SampleCostOf.Part#ONE_THREAD} test, empty when missing
     */
    record Row(String raceTest, Optional<TestVerdict> race, Optional<TestVerdict> worldOnly,
               Optional<TestVerdict> oneThread) {

        /** "Race002_X.Broken". */
        String shortName() {
            return race.map(v -> v.test().shortName()).orElseGet(() -> SuiteTest.shortNameOf(raceTest));
        }

        /** The bound as a share of the calibration rate; empty without the three rates. */
        OptionalDouble boundShare(SamplingRates rates) {
            if (race.isEmpty() || worldOnly.isEmpty() || rates.calibrationRate().isEmpty()) {
                return OptionalDouble.empty();
            }
            return SampleCosts.boundShare(race.get().samplesPerSecond(), worldOnly.get().samplesPerSecond(),
                    rates.calibrationRate().getAsDouble());
        }

        boolean boundBelowFloor(SamplingRates rates) {
            OptionalDouble bound = boundShare(rates);
            return bound.isPresent() && bound.getAsDouble() < SamplingRates.RACE_FLOOR;
        }
    }

    /**
     * 1 / (t_race - t_worldOnly + t_calibration) over the calibration rate, t being 1/rate; empty when a
     * rate is missing or the difference leaves no positive time (rates too noisy to bound anything).
     */
    static OptionalDouble boundShare(double raceRate, double worldOnlyRate, double calibrationRate) {
        if (raceRate <= 0 || worldOnlyRate <= 0 || calibrationRate <= 0) {
            return OptionalDouble.empty();
        }
        double tCalibration = 1 / calibrationRate;
        double t = 1 / raceRate - 1 / worldOnlyRate + tCalibration;
        return t <= 0 ? OptionalDouble.empty() : OptionalDouble.of(tCalibration / t);
    }

    /** The decomposed race variants, in the report's order of their sample-cost tests. */
    static List<Row> rows(SuiteReport report) {
        Map<String, Map<SampleCostOf.Part, TestVerdict>> parts = new LinkedHashMap<>();
        for (TestVerdict v : report.tests()) {
            if (v.test().claim() instanceof Claim.SampleCost cost) {
                parts.computeIfAbsent(cost.raceTest(), k -> new LinkedHashMap<>()).put(cost.part(), v);
            }
        }
        List<Row> rows = new ArrayList<>();
        parts.forEach((race, of) -> rows.add(new Row(race,
                report.tests().stream().filter(v -> v.test().name().equals(race)).findFirst(),
                Optional.ofNullable(of.get(SampleCostOf.Part.WORLD_ONLY)),
                Optional.ofNullable(of.get(SampleCostOf.Part.ONE_THREAD)))));
        return rows;
    }

    /**
     * The race classes of this run with a rate (Continuous mode) of which no variant was taken apart:
     * their sample-cost tests are missing from the jar or were not selected.
     */
    static List<String> undecomposed(SuiteReport report) {
        List<String> decomposed = rows(report).stream().map(r -> SuiteTest.topLevelOf(r.raceTest())).toList();
        return report.ofKind(TestKind.RACES).stream().map(TestVerdict::test)
                .filter(t -> t.mode() == Mode.Continuous)
                .map(SuiteTest::topLevelClass).distinct().filter(c -> !decomposed.contains(c))
                .map(SuiteTest::shortNameOf).toList();
    }
}
