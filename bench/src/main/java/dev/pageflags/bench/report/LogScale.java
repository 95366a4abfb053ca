package dev.pageflags.bench.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A base-10 logarithmic axis from one whole decade to another, mapped onto a pixel range. */
final class LogScale {
    private final int minExp;
    private final int maxExp;
    private final double left;
    private final double right;

    LogScale(int minExp, int maxExp, double left, double right) {
        if (maxExp <= minExp) {
            throw new IllegalArgumentException("empty scale " + minExp + ".." + maxExp);
        }
        this.minExp = minExp;
        this.maxExp = maxExp;
        this.left = left;
        this.right = right;
    }

    /** The smallest whole-decade scale holding every positive, finite value (1..10 when there is none). */
    static LogScale covering(List<Double> values, double left, double right) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (v > 0 && Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min == Double.POSITIVE_INFINITY) {
            return new LogScale(0, 1, left, right);
        }
        int lo = (int) Math.floor(Math.log10(min) + 1e-9);
        int hi = (int) Math.ceil(Math.log10(max) - 1e-9);
        return new LogScale(lo, Math.max(hi, lo + 1), left, right);
    }

    /** Pixel position of {@code v}; values outside the scale are pinned to its ends. */
    double x(double v) {
        if (!(v > 0)) {
            return left;
        }
        double t = (Math.log10(v) - minExp) / (maxExp - minExp);
        return left + Math.max(0, Math.min(1, t)) * (right - left);
    }

    /** 10^k for every k of the scale, ends included. */
    List<Double> decades() {
        List<Double> d = new ArrayList<>();
        for (int e = minExp; e <= maxExp; e++) {
            d.add(Math.pow(10, e));
        }
        return d;
    }

    int minExp() {
        return minExp;
    }

    int maxExp() {
        return maxExp;
    }

    /** An axis label: "0.1 ns", "10 ns", "1 µs" for times, "0.1x", "10x" for ratios. */
    static String label(double v, String unit) {
        if (unit.equals("ns")) {
            if (v >= 1e6) {
                return number(v / 1e6) + " ms";
            }
            if (v >= 1e3) {
                return number(v / 1e3) + " \u00b5s";
            }
            return number(v) + " ns";
        }
        return number(v) + unit;
    }

    private static String number(double v) {
        return v >= 1 ? String.format(Locale.ROOT, "%.0f", v)
                : new BigDecimal(String.format(Locale.ROOT, "%.12f", v)).stripTrailingZeros().toPlainString();
    }
}
