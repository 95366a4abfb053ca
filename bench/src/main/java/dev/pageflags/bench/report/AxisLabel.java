package dev.pageflags.bench.report;

import java.math.BigDecimal;
import java.util.Locale;

/** The benchmark chart's tick labels: "0.1 ns", "10 ns", "1 µs" for times, "0.1x", "10x" for ratios. */
final class AxisLabel {
    private AxisLabel() {
    }

    static String of(double v, String unit) {
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
