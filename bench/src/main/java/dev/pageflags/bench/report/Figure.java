package dev.pageflags.bench.report;

import dev.pageflags.report.Precision;

/**
 * A measured value with its error: the half-width of the 99.9% confidence interval, as JMH reports
 * it. The error is NaN when the run had too few samples to give one (a smoke run's single
 * iteration, for example); that is shown as "± ?" rather than hidden.
 */
public record Figure(double value, double error) {

    /** Above this relative error a figure is marked unstable: its interval spans more than 0.5x to 1.5x. */
    public static final double UNSTABLE_RELATIVE_ERROR = 0.5;

    /** A figure without a known error. */
    public static Figure exact(double value) {
        return new Figure(value, Double.NaN);
    }

    public boolean hasError() {
        return !Double.isNaN(error);
    }

    /** Lower end of the interval (the value itself when the error is unknown). */
    public double low() {
        return hasError() ? value - error : value;
    }

    /** Upper end of the interval (the value itself when the error is unknown). */
    public double high() {
        return hasError() ? value + error : value;
    }

    /** The error is more than half the value: the figure says little beyond its order of magnitude. */
    public boolean isUnstable() {
        return hasError() && Math.abs(error) > UNSTABLE_RELATIVE_ERROR * Math.abs(value);
    }

    /** "6.3 ± 0.2": the value to its error's last digit, "± ?" without an error, "± 0" for a zero one. */
    public String format() {
        if (!hasError()) {
            return Precision.plain(value) + " \u00b1 ?";
        }
        if (error == 0 || !Double.isFinite(error)) {
            return Precision.plain(value) + " \u00b1 " + (error == 0 ? "0" : "?");
        }
        int decimals = Precision.decimalsOf(error);
        return Precision.number(value, decimals) + " \u00b1 " + Precision.number(error, decimals);
    }

    /** {@link #format()}, with "unstable" appended where the error is more than half the value. */
    public String formatMarked() {
        return format() + (isUnstable() ? " **unstable**" : "");
    }
}
