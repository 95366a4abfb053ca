package dev.pageflags.stress.harness;

import java.util.List;
import java.util.Locale;

/** Number and table formats shared by the console log, the reports and the merged view. */
public final class Formats {
    private Formats() {
    }

    /** Rounds to three decimals, the precision worth printing for a rate. */
    static double round3(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    public static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String rate(TestVerdict v) {
        return v.samples() == 0 ? "-" : String.format(Locale.ROOT, "%.3f", v.ratePerMillion());
    }

    /** The outcome table in JCStress's own layout: state, samples, share, grade, meaning. */
    static String outcomeTable(List<OutcomeCount> outcomes) {
        long total = outcomes.stream().mapToLong(OutcomeCount::count).sum();
        int stateWidth = Math.max("RESULT".length(),
                outcomes.stream().mapToInt(o -> o.state().length()).max().orElse(0));
        StringBuilder out = new StringBuilder();
        String row = "%" + stateWidth + "s  %15s  %7s  %22s  %s%n";
        out.append(String.format(Locale.ROOT, row, "RESULT", "SAMPLES", "FREQ", "EXPECT", "DESCRIPTION"));
        for (OutcomeCount o : outcomes) {
            String freq = total == 0 ? "-" : String.format(Locale.ROOT, "%.2f%%", 100.0 * o.count() / total);
            out.append(String.format(Locale.ROOT, row, o.state(), grouped(o.count()), freq, o.expect(),
                    o.description() == null ? "" : o.description()));
        }
        return out.toString();
    }
}
