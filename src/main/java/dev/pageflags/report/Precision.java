package dev.pageflags.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * How many digits a figure deserves. An error is shown with one significant digit, two when that
 * digit, rounded, is a 1 (0.12 says more than 0.1; 0.7 and 0.74 say the same), and the value is rounded to the
 * error's last digit: {@code 6.3 ± 0.2}, {@code 0.331 ± 0.004}, {@code 12,300 ± 700}. A figure without
 * an error keeps three significant digits.
 */
public final class Precision {
    private static final int SIGNIFICANT_WITHOUT_ERROR = 3;

    private Precision() {
    }

    /**
     * The decimals an error of this size is shown with; negative means rounding to tens, hundreds...
     * Only for a positive, finite error.
     */
    public static int decimalsOf(double error) {
        BigDecimal one = new BigDecimal(Double.toString(Math.abs(error)))
                .round(new MathContext(1, RoundingMode.HALF_UP));
        // The digit that counts is the rounded one: 0.12 -> 0.1 keeps a second digit (0.12), and so does
        // 0.096 -> 0.1 (0.10); 0.196 -> 0.2 does not.
        return leadingDigit(one) == 1 ? one.scale() + 1 : one.scale();
    }

    /** Decimals for a value shown without an error: three significant digits, never fewer than none. */
    public static int decimalsWithoutError(double v) {
        double a = Math.abs(v);
        if (a == 0 || !Double.isFinite(a)) {
            return 2;
        }
        return Math.max(0, SIGNIFICANT_WITHOUT_ERROR - 1 - (int) Math.floor(Math.log10(a)));
    }

    /** {@code v} rounded to {@code decimals} (negative: to tens, hundreds...), thousands grouped; "?" for NaN. */
    public static String number(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "?";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "\u221e" : "-\u221e";
        }
        BigDecimal rounded = new BigDecimal(v).setScale(decimals, RoundingMode.HALF_UP);
        return String.format(Locale.ROOT, "%,." + Math.max(0, decimals) + "f", rounded);
    }

    /** A value alone, three significant digits. */
    public static String plain(double v) {
        return number(v, decimalsWithoutError(v));
    }

    /**
     * "1.33x [1.25, 1.41]": a point, its unit and its interval, the digits set by the interval's nearer
     * end (the report and the results page print a ratio this one way).
     */
    public static String withInterval(double v, String unit, double low, double high) {
        int decimals = decimalsWithin(v, low, high);
        return number(v, decimals) + unit + " [" + number(low, decimals) + ", " + number(high, decimals) + "]";
    }

    /** "1.33x, no interval". */
    public static String withoutInterval(double v, String unit) {
        return plain(v) + unit + ", no interval";
    }

    /** The decimals a point deserves within its interval: those of the interval's nearer half-width. */
    public static int decimalsWithin(double v, double low, double high) {
        double below = v - low;
        double above = high - v;
        double nearer = Math.min(below, above);
        double width = nearer > 0 ? nearer : Math.max(below, above);
        return width > 0 ? decimalsOf(width) : decimalsWithoutError(v);
    }

    private static int leadingDigit(BigDecimal positive) {
        return positive.unscaledValue().abs().toString().charAt(0) - '0';
    }
}
