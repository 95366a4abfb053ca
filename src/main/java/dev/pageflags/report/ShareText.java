package dev.pageflags.report;

import java.util.Locale;

/**
 * A rate as a share of the calibration rate ("0.31x", "0.047x"), written one way by the stress summary
 * and the results page: two decimals, three below 0.1 so a small share keeps two digits.
 */
public final class ShareText {
    private ShareText() {
    }

    public static String of(double share) {
        return String.format(Locale.ROOT, share < 0.1 ? "%.3fx" : "%.2fx", share);
    }
}
