package dev.pageflags.stress.harness;

import dev.pageflags.report.ShareText;
import org.openjdk.jcstress.annotations.Mode;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Each test's sampling rate read against the calibration test's of the same run ("0.31x"). The
 * calibration test runs in the races' JCStress process with their options, so a race's share is what
 * its own setup and steps leave of what JCStress can sample there; litmus and atomicity tests run in
 * another process with their kind's options, and their share is read against the same figure.
 *
 * <p>A race test below {@link #RACE_FLOOR} is flagged: it samples so slowly that its budget buys few
 * chances at its window. A Termination-mode test gets no share: one of its samples is a thread run to
 * its end (race 004's sleeper: thousands of rounds), not one pass of two actors.
 */
public final class SamplingRates {
    /** The least share of the calibration rate a race test should sample at. */
    public static final double RACE_FLOOR = 0.25;

    private final TestVerdict calibration;
    private final double calibrationRate;
    private final String problem;

    private SamplingRates(TestVerdict calibration, double calibrationRate, String problem) {
        this.calibration = calibration;
        this.calibrationRate = calibrationRate;
        this.problem = problem;
    }

    /** The rates of one run; without a usable calibration rate, {@link #problem()} says why. */
    public static SamplingRates of(SuiteReport report) {
        List<TestVerdict> calibrations = report.ofKind(TestKind.CALIBRATION).stream()
                .filter(v -> v.test().claim() instanceof Claim.Calibration).toList();
        if (calibrations.isEmpty()) {
            return new SamplingRates(null, -1, report.ofKind(TestKind.RACES).isEmpty()
                    ? "no calibration test in this run: it runs with the race tests, and none was selected"
                    : "no calibration test in this run, though race tests ran: is it missing from the jar?");
        }
        TestVerdict c = calibrations.get(0);
        if (c.samplesPerSecond() <= 0) {
            return new SamplingRates(c, -1, "the calibration test " + c.test().shortName() + " recorded no rate ("
                    + c.verdict().label() + ", " + c.samples() + " samples in " + c.samplingSeconds()
                    + " s of sampling): no test's rate can be read against it");
        }
        return new SamplingRates(c, c.samplesPerSecond(), null);
    }

    /** The calibration test, when one ran. */
    public Optional<TestVerdict> calibration() {
        return Optional.ofNullable(calibration);
    }

    /** Samples per second of the calibration test, when it has one. */
    public OptionalDouble calibrationRate() {
        return problem == null ? OptionalDouble.of(calibrationRate) : OptionalDouble.empty();
    }

    /** Why there are no shares in this run, or null. */
    public String problem() {
        return problem;
    }

    /** The test's rate over the calibration rate; empty without either rate, or for a Termination test. */
    public OptionalDouble share(TestVerdict v) {
        if (problem != null || v.samplesPerSecond() <= 0 || v.test().mode() == Mode.Termination) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(v.samplesPerSecond() / calibrationRate);
    }

    /** A race test sampling below the floor. */
    public boolean belowFloor(TestVerdict v) {
        OptionalDouble share = share(v);
        return v.test().kind() == TestKind.RACES && share.isPresent() && share.getAsDouble() < RACE_FLOOR;
    }

    /** The race tests below the floor, in the report's order. */
    public List<TestVerdict> belowFloor(SuiteReport report) {
        return report.tests().stream().filter(this::belowFloor).toList();
    }

    /** "0.31x", "n/a (Termination)" or "-". */
    public String shareCell(TestVerdict v) {
        OptionalDouble share = share(v);
        if (share.isPresent()) {
            return shareText(share.getAsDouble());
        }
        return v.test().mode() == Mode.Termination && v.samples() > 0 ? "n/a (Termination)" : "-";
    }

    static String shareText(double share) {
        return ShareText.of(share);
    }
}
