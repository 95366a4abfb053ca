package dev.pageflags.stress.harness.report;

import java.math.BigDecimal;

/** The rates chart's tick labels, "0.01", "1", "1k", "100k", "1M": short enough to sit under a tick. */
final class TickLabel {
    private TickLabel() {
    }

    static String of(double value) {
        if (value >= 1e6) {
            return trim(value / 1e6) + "M";
        }
        if (value >= 1e3) {
            return trim(value / 1e3) + "k";
        }
        return trim(value);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
