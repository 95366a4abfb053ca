package dev.pageflags.bench.report;

import dev.pageflags.report.Precision;
import java.util.Optional;

/**
 * A ratio as one run measured it: both sides' figures, the point ratio, its fork-level interval
 * ({@link Bootstrap}) when both sides had enough forks, and the verdict that interval gives.
 */
public record RatioResult(RatioSpec spec, Figure numerator, Figure denominator, double ratio, Interval interval,
                          RatioVerdict verdict) {

    public Optional<Interval> intervalIfAny() {
        return Optional.ofNullable(interval);
    }

    /** "1.33x [1.25, 1.41]", the digits set by the interval; "1.33x, no interval" without one. */
    public String format() {
        return Interval.format(ratio, "x", interval);
    }

    /** {@link #format()}, with "unstable" appended where the interval spans more than half the ratio. */
    public String formatMarked() {
        return Interval.formatMarked(ratio, "x", interval);
    }

    public boolean isUnstable() {
        return interval != null && interval.isUnstable(ratio);
    }

    /** The verdict with what backs it: by how much a target is missed, where it lies, or why there is no grade. */
    public String verdictText() {
        return switch (verdict) {
            case MET -> "met";
            case MISSED -> "**missed** (" + Precision.plain(ratio / spec.target()) + "x the target)";
            case INCONCLUSIVE -> "inconclusive (" + spec.targetText() + " lies inside the interval)";
            case NO_INTERVAL -> "no-interval (needs " + Bootstrap.MIN_FORKS + " forks, or floor rounds, a side)";
            case INFO -> "info";
        };
    }
}
