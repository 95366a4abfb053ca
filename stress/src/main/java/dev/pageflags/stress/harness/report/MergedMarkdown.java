package dev.pageflags.stress.harness.report;

import static dev.pageflags.stress.harness.Formats.grouped;

import java.util.Locale;

/**
 * merged.md: a header naming the runs, then one table per test with one row per run, so a reader
 * compares a test across machines and JDKs in one glance instead of across several summary.md files.
 */
public final class MergedMarkdown {
    private MergedMarkdown() {
    }

    public static String render(MergedView view) {
        StringBuilder md = new StringBuilder();
        md.append("# JCStress suite: ").append(view.runs().size()).append(" runs merged\n\n");
        md.append("| Run | File | Run id | Machine | JVM | Budget |\n|---|---|---|---|---|---|\n");
        for (int i = 0; i < view.runs().size(); i++) {
            RunSummary r = view.runs().get(i);
            md.append("| ").append(MergedView.runLabel(i)).append(" | `").append(cell(r.fileLabel())).append("` | ")
                    .append(r.runId() == null ? "-" : cell(r.runId())).append(" | ").append(cell(r.machine().label()))
                    .append(" | ").append(cell(r.machine().jvm())).append(" | ").append(r.budgetName()).append(" |\n");
        }
        md.append("\nRate per million: bad samples per million samples (\"-\" when a run took no sample)."
                + " The chart of the race rates is `rates.svg` beside this file.\n");
        md.append("\n## Tests\n");
        for (String name : view.testNames()) {
            RunSummary.TestRow first = firstRow(view, name);
            md.append("\n### `").append(MergedView.shortName(name)).append('`');
            if (first != null) {
                md.append(" (").append(first.kind()).append(", ").append(first.variant()).append(')');
            }
            md.append("\n\n| Run | Machine | JVM | Budget | Samples | Bad | Rate per million | Verdict |\n")
                    .append("|---|---|---|---|---:|---:|---:|---|\n");
            for (int i = 0; i < view.runs().size(); i++) {
                RunSummary.TestRow t = view.test(i, name);
                runCells(md, view, i);
                if (t == null) {
                    md.append(" - | - | - | not in this run |\n");
                } else {
                    md.append(' ').append(grouped(t.samples())).append(" | ").append(grouped(t.bad())).append(" | ")
                            .append(rate(t.samples(), t.ratePerMillion())).append(" | ").append(t.verdict())
                            .append(" |\n");
                }
            }
        }
        if (!view.litmusNames().isEmpty()) {
            md.append("\n## Litmus tests\n");
            for (String name : view.litmusNames()) {
                RunSummary.LitmusRow first = view.litmus(0, name);
                md.append("\n### `").append(first.litmus()).append("` (LKMM ").append(first.lkmm())
                        .append(", x86-TSO ").append(first.x86()).append(")\n\n")
                        .append("| Run | Machine | JVM | Budget | Samples | Observed | Grade |\n")
                        .append("|---|---|---|---|---:|---:|---|\n");
                for (int i = 0; i < view.runs().size(); i++) {
                    RunSummary.LitmusRow l = view.litmus(i, name);
                    runCells(md, view, i);
                    md.append(l == null ? " - | - | not in this run |\n"
                            : " " + grouped(l.samples()) + " | " + grouped(l.observed()) + " | " + l.grade() + " |\n");
                }
            }
        }
        if (!view.pairNames().isEmpty()) {
            md.append("\n## Bit-operation pairs\n");
            for (String name : view.pairNames()) {
                RunSummary.PairRow first = view.pair(0, name);
                md.append("\n### `").append(cell(first.pair())).append("` (")
                        .append(first.atomic() ? "atomic" : "non-atomic").append(")\n\n")
                        .append("| Run | Machine | JVM | Budget | Samples | Lost updates | Per million | Grade |\n")
                        .append("|---|---|---|---|---:|---:|---:|---|\n");
                for (int i = 0; i < view.runs().size(); i++) {
                    RunSummary.PairRow p = view.pair(i, name);
                    runCells(md, view, i);
                    md.append(p == null ? " - | - | - | not in this run |\n"
                            : " " + grouped(p.samples()) + " | " + grouped(p.lostUpdates()) + " | "
                            + rate(p.samples(), p.lostUpdatesPerMillion()) + " | " + p.grade() + " |\n");
                }
            }
        }
        return md.toString();
    }

    private static RunSummary.TestRow firstRow(MergedView view, String name) {
        for (int i = 0; i < view.runs().size(); i++) {
            if (view.test(i, name) != null) {
                return view.test(i, name);
            }
        }
        return null;
    }

    private static void runCells(StringBuilder md, MergedView view, int i) {
        RunSummary r = view.runs().get(i);
        md.append("| ").append(MergedView.runLabel(i)).append(" | ").append(cell(r.machine().label())).append(" | ")
                .append(cell(r.machine().jvm())).append(" | ").append(r.budgetName()).append(" |");
    }

    /** A rate is undefined without samples: "-", never a "0.000" that would read as a clean run. */
    static String rate(long samples, double perMillion) {
        return samples == 0 ? "-" : String.format(Locale.ROOT, "%,.3f", perMillion);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
