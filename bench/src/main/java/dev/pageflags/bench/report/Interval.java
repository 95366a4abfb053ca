package dev.pageflags.bench.report;

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

    /**
     * The half-width around {@code centre} that sets the digits it is printed with: the nearer end's
     * distance, or the farther one's when the centre sits on an end, so that an asymmetric interval
     * does not round its centre away.
     */
    double precisionWidth(double centre) {
        double below = centre - low;
        double above = high - centre;
        double nearer = Math.min(below, above);
        return nearer > 0 ? nearer : Math.max(below, above);
    }

    /** More than half the centre on the nearer side: as {@link Figure#isUnstable()} for a symmetric error. */
    boolean isUnstable(double centre) {
        return (high - low) / 2 > Figure.UNSTABLE_RELATIVE_ERROR * Math.abs(centre);
    }
}
