package dev.pageflags.bench.report;

/**
 * A ratio's grade against its target ("at most target"), read from its interval, never from the
 * point alone: a point below the target with an interval reaching above it is not a pass.
 */
public enum RatioVerdict {
    /** The whole interval at or below the target. */
    MET("met"),
    /** The whole interval above the target. */
    MISSED("missed"),
    /** The target lies inside the interval: this run cannot tell. */
    INCONCLUSIVE("inconclusive"),
    /** No target: shown for understanding, graded by nothing. */
    INFO("info"),
    /** A target, but too few forks for an interval: no grade. */
    NO_INTERVAL("no-interval");

    private final String label;

    RatioVerdict(String label) {
        this.label = label;
    }

    /** The word in report.md and ratios.json. */
    public String label() {
        return label;
    }

    /** The grade of a ratio whose interval is {@code interval} (null: none) against {@code target} (null: none). */
    static RatioVerdict of(Double target, Interval interval) {
        if (target == null) {
            return INFO;
        }
        if (interval == null) {
            return NO_INTERVAL;
        }
        if (interval.high() <= target) {
            return MET;
        }
        return interval.low() > target ? MISSED : INCONCLUSIVE;
    }
}
