package dev.pageflags.bench.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@link InterleavedPairs}' page: the forks' scores pass by pass, then each pair's ratio per pass. */
final class InterleavedMarkdown {
    private InterleavedMarkdown() {
    }

    static String render(InterleavedPairs.Request request, Map<String, List<Double>> scores, String settings) {
        StringBuilder md = new StringBuilder("# Benchmark pairs measured in turn\n\n");
        md.append("Each pass ran one fork of every benchmark below, in the order of the table, with the full"
                + " run's settings (`").append(settings).append("`); ").append(request.passes()).append(" passes. The two sides of a ratio were measured"
                        + " seconds apart in every pass, so a gap that stays pass after pass is not the machine"
                        + " drifting between the full run's consecutive benchmarks. The machine and its load:"
                        + " machine.md.\n");

        md.append("\n## ns/op of each fork\n\n| Benchmark |");
        for (int p = 1; p <= request.passes(); p++) {
            md.append(" pass ").append(p).append(" |");
        }
        md.append("\n|---|").append("---:|".repeat(request.passes())).append('\n');
        for (String b : request.benchmarks()) {
            md.append("| `").append(b).append("` |");
            scores.get(b).forEach(ns -> md.append(' ').append(fmt(ns, 3)).append(" |"));
            md.append('\n');
        }

        md.append("\n## Ratios, pass by pass\n\n| Pair | Median | Passes below 1 | Lowest | Highest | Each pass |\n"
                + "|---|---:|---:|---:|---:|---|\n");
        for (InterleavedPairs.Pair pair : request.pairs()) {
            List<Double> ratios = ratios(scores.get(pair.numerator()), scores.get(pair.denominator()));
            List<Double> sorted = new ArrayList<>(ratios);
            Collections.sort(sorted);
            long below = ratios.stream().filter(r -> r < 1).count();
            md.append("| `").append(pair.label()).append("` | ").append(fmt(median(sorted), 3)).append(" | ")
                    .append(below).append(" of ").append(ratios.size()).append(" | ")
                    .append(fmt(sorted.get(0), 3)).append(" | ").append(fmt(sorted.get(sorted.size() - 1), 3))
                    .append(" | ");
            List<String> each = new ArrayList<>();
            ratios.forEach(r -> each.add(fmt(r, 3)));
            md.append(String.join(", ", each)).append(" |\n");
        }
        return md.toString();
    }

    static List<Double> ratios(List<Double> numerators, List<Double> denominators) {
        if (numerators.size() != denominators.size()) {
            throw new IllegalArgumentException("passes differ: " + numerators.size() + " and " + denominators.size());
        }
        List<Double> r = new ArrayList<>();
        for (int i = 0; i < numerators.size(); i++) {
            r.add(numerators.get(i) / denominators.get(i));
        }
        return r;
    }

    static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String fmt(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
