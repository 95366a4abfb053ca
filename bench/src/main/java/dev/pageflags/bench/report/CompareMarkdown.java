package dev.pageflags.bench.report;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link Compare}'s markdown: the runs, then one table per ratio and one per benchmark, a row per
 * run. A benchmark's last column is its ns/op over run 1's, with the {@link Bootstrap} interval of
 * the two runs' fork means; a run that lacks a benchmark or a ratio says "not run".
 */
final class CompareMarkdown {
    private final List<RatioSpec> ratios;

    CompareMarkdown(List<RatioSpec> ratios) {
        this.ratios = List.copyOf(ratios);
    }

    String render(List<ComparedRun> runs) {
        StringBuilder md = new StringBuilder("# Benchmarks compared across " + runs.size() + " runs\n\n");
        md.append("| Run | Machine | JVM | JMH settings | Native floor | From |\n|---|---|---|---|---|---|\n");
        for (ComparedRun run : runs) {
            RunInfo info = run.results().info();
            md.append("| ").append(run.number()).append(" | ").append(MarkdownReport.escape(run.machine()))
                    .append(" | ").append(info.jvm()).append(" | `").append(info.settings()).append("` | ")
                    .append(run.results().floor().map(NativeFloor::compiler).orElse("none"))
                    .append(" | `").append(run.source()).append("` |\n");
        }
        md.append('\n').append(MarkdownReport.statistics())
                .append("\"To run 1\" is a run's ns/op over run 1's, its interval from both runs' fork means.\n\n");
        appendRatios(md, runs);
        appendBenchmarks(md, runs);
        return md.toString();
    }

    private void appendRatios(StringBuilder md, List<ComparedRun> runs) {
        for (Map.Entry<String, List<RatioSpec>> g : MarkdownReport.groups(ratios).entrySet()) {
            md.append("## Ratios: ").append(g.getKey()).append("\n\n");
            for (RatioSpec spec : g.getValue()) {
                md.append("### ").append(spec.label()).append(spec.hasTarget() ? " (" + spec.targetText() + ")" : "")
                        .append("\n\n`").append(spec.numerator()).append("` / `").append(spec.denominator())
                        .append("`\n\n| Run | Ratio [interval] | Verdict |\n|---|---:|---|\n");
                for (ComparedRun run : runs) {
                    Optional<RatioResult> r = spec.evaluate(run.results());
                    md.append("| ").append(run.label()).append(" | ")
                            .append(r.map(RatioResult::formatMarked).orElse("not run: no "
                                    + run.results().missing(spec.numerator(), spec.denominator())))
                            .append(" | ").append(r.map(RatioResult::verdictText).orElse("not run")).append(" |\n");
                }
                md.append('\n');
            }
        }
    }

    private static void appendBenchmarks(StringBuilder md, List<ComparedRun> runs) {
        md.append("## Benchmarks, ns/op\n\n");
        for (String id : ids(runs)) {
            md.append("### `").append(id).append("`\n\n");
            String what = Catalog.describe(id);
            if (!what.isEmpty()) {
                md.append(MarkdownReport.escape(what)).append("\n\n");
            }
            md.append("| Run | ns/op | Fork means | To run 1 |\n|---|---:|---|---:|\n");
            ResultSet first = runs.get(0).results();
            for (ComparedRun run : runs) {
                ResultSet rs = run.results();
                Optional<Figure> f = rs.figure(id);
                md.append("| ").append(run.label()).append(" | ");
                if (f.isEmpty()) {
                    md.append("not run | | |\n");
                    continue;
                }
                md.append(f.get().formatMarked()).append(" | ").append(MarkdownReport.spread(rs.forks(id), f.get(),
                        id.startsWith(NativeFloor.PREFIX) ? "round" : "fork"))
                        .append(" | ").append(toFirst(id, run, first, f.get())).append(" |\n");
            }
            md.append('\n');
        }
    }

    private static String toFirst(String id, ComparedRun run, ResultSet first, Figure figure) {
        if (run.number() == 1) {
            return "1x (reference)";
        }
        Optional<Figure> reference = first.figure(id);
        if (reference.isEmpty()) {
            return "n/a: not in run 1";
        }
        double ratio = figure.value() / reference.get().value();
        Interval interval = Bootstrap.ratio(run.results().forks(id), first.forks(id), "run " + run.number() + " " + id)
                .orElse(null);
        return Interval.formatMarked(ratio, "x", interval);
    }

    /** Every benchmark and native instruction of any run: run 1's order first, then what only later runs have. */
    private static Set<String> ids(List<ComparedRun> runs) {
        Set<String> ids = new LinkedHashSet<>();
        runs.forEach(run -> ids.addAll(run.benchmarkIds()));
        runs.forEach(run -> run.results().floor().ifPresent(f -> f.ops().forEach(op -> ids.add(op.id()))));
        return ids;
    }
}
