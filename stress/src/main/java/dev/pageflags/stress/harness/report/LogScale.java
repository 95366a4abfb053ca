package dev.pageflags.stress.harness.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A base-10 log axis from a whole decade below the smallest positive rate to the decade at or above
 * the largest. The floor lies strictly below every positive rate, so a rate of exactly 1 is not drawn
 * where a zero is: zero has no logarithm and sits on the floor, labelled "0" by the chart.
 */
public record LogScale(int floorExponent, int ceilingExponent, double start, double length) {

    /**
     * @param rates  the values to place (zeros allowed, negatives treated as zero)
     * @param start  the pixel of the floor
     * @param length the pixels from floor to ceiling
     */
    public static LogScale of(List<Double> rates, double start, double length) {
        double min = rates.stream().filter(r -> r > 0).min(Double::compare).orElse(1.0);
        double max = rates.stream().filter(r -> r > 0).max(Double::compare).orElse(1.0);
        int floor = (int) Math.ceil(Math.log10(min)) - 1;
        int ceiling = Math.max((int) Math.ceil(Math.log10(max)), floor + 1);
        return new LogScale(floor, ceiling, start, length);
    }

    /** The pixel of {@code value}: the floor for zero, proportional to log10 above it. */
    public double position(double value) {
        if (value <= 0) {
            return start;
        }
        double fraction = (Math.log10(value) - floorExponent) / (ceilingExponent - floorExponent);
        return start + Math.max(0, Math.min(1, fraction)) * length;
    }

    /** The decades to draw as ticks, floor to ceiling. */
    public List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        for (int e = floorExponent; e <= ceilingExponent; e++) {
            ticks.add(Math.pow(10, e));
        }
        return ticks;
    }

    /** "0.01", "1", "1k", "100k", "1M": short enough to sit under a tick. */
    public static String tickLabel(double value) {
        if (value >= 1e6) {
            return trim(value / 1e6) + "M";
        }
        if (value >= 1e3) {
            return trim(value / 1e3) + "k";
        }
        return trim(value);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : java.math.BigDecimal.valueOf(v).stripTrailingZeros()
                .toPlainString();
    }
}
