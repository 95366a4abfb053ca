package dev.pageflags.bench.report;

import java.util.Locale;

/**
 * A measured value with its error: the half-width of the 99.9% confidence interval, as JMH reports
 * it. The error is NaN when the run had too few samples to give one (a smoke run's single
 * iteration, for example); that is shown as "±?" rather than hidden.
 */
public record Figure(double value, double error) {

    /** A figure without a known error. */
    public static Figure exact(double value) {
        return new Figure(value, Double.NaN);
    }

    public boolean hasError() {
        return !Double.isNaN(error);
    }

    /**
     * {@code this / other}. Independent errors combine in quadrature on the relative scale, the
     * first-order rule for a quotient; unknown on either side makes the ratio's error unknown.
     */
    public Figure ratioTo(Figure other) {
        double ratio = value / other.value;
        if (!hasError() || !other.hasError()) {
            return exact(ratio);
        }
        double relThis = error / value;
        double relOther = other.error / other.value;
        return new Figure(ratio, Math.abs(ratio) * Math.sqrt(relThis * relThis + relOther * relOther));
    }

    /** Lower end of the interval (the value itself when the error is unknown). */
    public double low() {
        return hasError() ? value - error : value;
    }

    /** Upper end of the interval (the value itself when the error is unknown). */
    public double high() {
        return hasError() ? value + error : value;
    }

    /** "2.31 ± 0.05", both with the value's number of decimals. */
    public String format() {
        int decimals = decimalsFor(value);
        return number(value, decimals) + " ± " + (hasError() ? number(error, errorDecimals(error, decimals)) : "?");
    }

    /** The ratio style: "1.23x ± 0.04". */
    public String formatRatio() {
        double a = Math.abs(value);
        int decimals = a >= 100 ? 0 : a >= 10 ? 1 : a >= 0.1 || a == 0 ? 2 : Math.min(6, 1 - (int) Math.floor(Math.log10(a)));
        return number(value, decimals) + "x ± " + (hasError() ? number(error, decimals) : "?");
    }

    /** The value's decimals, or, for an error below the last shown digit, enough for one significant digit. */
    static int errorDecimals(double error, int valueDecimals) {
        double a = Math.abs(error);
        if (a == 0 || Double.isNaN(a) || a >= Math.pow(10, -valueDecimals)) {
            return valueDecimals;
        }
        return Math.min(6, (int) Math.ceil(-Math.log10(a)));
    }

    static int decimalsFor(double v) {
        double a = Math.abs(v);
        if (Double.isNaN(a) || Double.isInfinite(a) || a >= 100) {
            return 0;
        }
        if (a >= 10) {
            return 1;
        }
        if (a >= 1 || a == 0) {
            return 2;
        }
        return 3;
    }

    static String number(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "?";
        }
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }
}
