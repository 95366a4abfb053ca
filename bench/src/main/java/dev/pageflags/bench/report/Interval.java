package dev.pageflags.bench.report;

import dev.pageflags.report.Precision;

/** A confidence interval, {@code low <= high}. */
public record Interval(double low, double high) {

    public Interval {
        if (!(low <= high)) {
            throw new IllegalArgumentException("interval [" + low + ", " + high + "] is empty or not a number");
        }
    }

    public boolean contains(double v) {
        return low <= v && v <= high;
    }


    /** More than half the centre on the nearer side: as {@link Figure#isUnstable()} for a symmetric error. */
    boolean isUnstable(double centre) {
        return (high - low) / 2 > Figure.UNSTABLE_RELATIVE_ERROR * Math.abs(centre);
    }

    /** "1.33x [1.25, 1.41]" ({@link Precision#withInterval}), or "1.33x, no interval" for a null interval. */
    static String format(double v, String unit, Interval interval) {
        return interval == null ? Precision.withoutInterval(v, unit)
                : Precision.withInterval(v, unit, interval.low(), interval.high());
    }

    /** {@link #format}, with "unstable" appended where the interval spans more than half the value. */
    static String formatMarked(double v, String unit, Interval interval) {
        boolean unstable = interval != null && interval.isUnstable(v);
        return format(v, unit, interval) + (unstable ? " **unstable**" : "");
    }
}
