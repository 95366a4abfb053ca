package dev.pageflags.report;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/** Numbers as the page prints them; an absent value is "-", never 0. */
final class Cells {
    static final String ABSENT = "-";

    private Cells() {
    }

    static String grouped(Optional<Long> n) {
        return n.map(v -> String.format(Locale.ROOT, "%,d", v)).orElse(ABSENT);
    }

    /** A rate per million with three decimals, as summary.md prints it. */
    static String rate(Optional<Double> perMillion) {
        return perMillion.map(v -> String.format(Locale.ROOT, "%.3f", v)).orElse(ABSENT);
    }

    /** A value as the file gives it, without float noise: 1.1, 1.25, 2. */
    static String plain(double v) {
        return Double.isFinite(v) ? BigDecimal.valueOf(v).stripTrailingZeros().toPlainString() : String.valueOf(v);
    }

    static String seconds(Optional<Double> s) {
        return s.map(v -> String.format(Locale.ROOT, "%.1f s", v)).orElse(ABSENT);
    }

    /** "1 trace", "6 traces". */
    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** A numeric table cell, right-aligned. */
    static String num(String text) {
        return numHtml(Html.text(text));
    }

    /** A number cell holding markup that is already escaped. */
    static String numHtml(String html) {
        return "<td class=\"num\">" + html + "</td>";
    }

    /** A table cell holding markup that is already escaped. */
    static String td(String html) {
        return "<td>" + html + "</td>";
    }
}
