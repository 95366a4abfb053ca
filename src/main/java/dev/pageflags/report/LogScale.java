package dev.pageflags.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A base-10 logarithmic axis over whole decades, {@code 10^minExp .. 10^maxExp}, mapped onto the
 * pixels {@code left .. right}. The benchmark chart and the stress suite's merged-rates chart both
 * draw on it; each writes its own tick labels (nanoseconds and ratios there, rates per million here).
 */
public record LogScale(int minExp, int maxExp, double left, double right) {

    public LogScale {
        if (maxExp <= minExp) {
            throw new IllegalArgumentException("empty scale " + minExp + ".." + maxExp);
        }
    }

    /** The smallest whole-decade scale holding every positive, finite value (1..10 when there is none). */
    public static LogScale covering(List<Double> values, double left, double right) {
        List<Double> positive = positive(values);
        if (positive.isEmpty()) {
            return new LogScale(0, 1, left, right);
        }
        int lo = (int) Math.floor(Math.log10(positive.get(0)) + 1e-9);
        return new LogScale(lo, ceiling(positive, lo), left, right);
    }

    /**
     * Like {@link #covering}, but its lowest decade lies strictly below the smallest positive value
     * (a rate of exactly 1 gets a floor of 0.1). A chart that draws zero on the floor then never
     * draws a positive value there too.
     */
    public static LogScale belowSmallest(List<Double> values, double left, double right) {
        List<Double> positive = positive(values);
        double min = positive.isEmpty() ? 1.0 : positive.get(0);
        int lo = (int) Math.ceil(Math.log10(min) - 1e-9) - 1;
        return new LogScale(lo, ceiling(positive, lo), left, right);
    }

    /** The pixel of {@code v}; zero and negative values sit on the floor, values off the scale on its ends. */
    public double x(double v) {
        if (!(v > 0)) {
            return left;
        }
        double t = (Math.log10(v) - minExp) / (maxExp - minExp);
        return left + Math.max(0, Math.min(1, t)) * (right - left);
    }

    /** 10^k for every k of the scale, ends included: where the ticks go. */
    public List<Double> decades() {
        List<Double> d = new ArrayList<>();
        for (int e = minExp; e <= maxExp; e++) {
            d.add(Math.pow(10, e));
        }
        return d;
    }

    private static List<Double> positive(List<Double> values) {
        return values.stream().filter(v -> v > 0 && Double.isFinite(v)).sorted().toList();
    }

    private static int ceiling(List<Double> sortedPositive, int lo) {
        if (sortedPositive.isEmpty()) {
            return lo + 1;
        }
        int hi = (int) Math.ceil(Math.log10(sortedPositive.get(sortedPositive.size() - 1)) - 1e-9);
        return Math.max(hi, lo + 1);
    }
}
