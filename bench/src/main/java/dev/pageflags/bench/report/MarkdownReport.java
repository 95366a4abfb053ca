package dev.pageflags.bench.report;

import dev.pageflags.report.Precision;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The report of one run as markdown: the ratios with their intervals, targets and verdicts, the
 * atomic vs non-atomic table, both floors (the JVM's, in the same harness, and the native one),
 * and the ns/op of every other benchmark.
 */
public final class MarkdownReport {
    /** The benchmark class of the JVM floor: plain and VarHandle operations on a {@code long[]}. */
    static final String JVM_FLOOR = "JvmFloorBench";

    private final List<RatioSpec> ratios;
    private final AtomicTable atomic;

    public MarkdownReport(List<RatioSpec> ratios, List<AtomicPair> pairs) {
        this.ratios = List.copyOf(ratios);
        this.atomic = new AtomicTable(pairs);
    }

    public String render(ResultSet run) {
        StringBuilder md = new StringBuilder();
        md.append("# Flag operations and the page lock: ns/op\n\n");
        md.append(runLine(run)).append("\n\n");
        if (run.info().isSmoke()) {
            md.append("> **Smoke run**: no warm-up, one short iteration per benchmark. It shows that every benchmark"
                    + " runs; its figures are not measurements, and a ratio with a JMH figure on either side gets no"
                    + " interval (the native floor's rounds alone can give one).\n\n");
        }
        md.append(statistics());
        appendRatios(md, run);
        md.append(atomic.render(run));
        appendJvmFloor(md, run);
        appendNativeFloor(md, run);
        appendBenchmarks(md, run);
        return md.toString();
    }

    /** How every figure, interval and verdict below was computed. */
    static String statistics() {
        return "## How to read it\n\n"
                + "- **Ratios**: the point is numerator ns/op over denominator ns/op. Its interval is a "
                + pct(Bootstrap.LEVEL) + " percentile bootstrap over forks: each side's per-fork means (a native"
                + " instruction's per-round means) resampled with replacement, "
                + String.format(Locale.ROOT, "%,d", Bootstrap.RESAMPLES)
                + " times, seed " + Bootstrap.SEED + ", so the same `jmh.json` gives the same intervals. It needs "
                + Bootstrap.MIN_FORKS + " forks (or floor rounds) on each side. With few forks a percentile bootstrap"
                + " is narrower than its nominal level (see `Bootstrap.java`), hence the high level.\n"
                + "- **Verdicts** against a target \"at most T\": `met` when the whole interval is at or below T,"
                + " `missed` when the whole interval is above it, `inconclusive` when T lies inside it, `no-interval`"
                + " when there were too few forks to grade; ratios without a target are `info`.\n"
                + "- **ns/op** of a benchmark: JMH's score with JMH's error (99.9%, every iteration of every fork"
                + " pooled); the fork means beside it show how far forks differ, which that error does not.\n"
                + "- **Digits** follow the error: one significant digit, two when it is a 1. A figure whose error is"
                + " more than half its value (an interval wider than half the ratio on its nearer side) is marked"
                + " **unstable**.\n\n";
    }

    static String runLine(ResultSet run) {
        RunInfo i = run.info();
        String floor = run.floor().map(f -> "native floor built with " + f.compiler())
                .orElse("no native floor (gcc missing or not x86-64)");
        return "JDK " + i.jdkVersion() + " (" + i.jvm() + "), JMH " + i.jmhVersion() + ", `" + i.settings() + "`, "
                + floor + ".";
    }

    private void appendRatios(StringBuilder md, ResultSet run) {
        for (Map.Entry<String, List<RatioSpec>> g : groups(ratios).entrySet()) {
            md.append("## ").append(g.getKey()).append("\n\n");
            boolean targets = g.getValue().stream().anyMatch(RatioSpec::hasTarget);
            md.append("| Ratio | Numerator ns/op | Denominator ns/op | Ratio [interval] | ")
                    .append(targets ? "Target | Verdict | Why |\n|---|---:|---:|---:|---|---|---|\n"
                            : "Note |\n|---|---:|---:|---:|---|\n");
            for (RatioSpec r : g.getValue()) {
                Optional<RatioResult> result = r.evaluate(run);
                md.append("| ").append(r.label())
                        .append(" | ").append(cell(run, r.numerator()))
                        .append(" | ").append(cell(run, r.denominator()))
                        .append(" | ").append(result.map(RatioResult::formatMarked)
                                .orElse("not run: no " + run.missing(r.numerator(), r.denominator()) + " in this run"));
                if (targets) {
                    md.append(" | ").append(r.targetText())
                            .append(" | ").append(result.map(RatioResult::verdictText).orElse("not run"));
                }
                md.append(" | ").append(escape(r.why())).append(" |\n");
            }
            md.append('\n');
        }
    }

    private static String cell(ResultSet run, String id) {
        return run.figure(id).map(Figure::formatMarked).orElse("n/a") + "<br>`" + id + "`";
    }

    private static void appendJvmFloor(StringBuilder md, ResultSet run) {
        md.append("## JVM floor\n\n");
        List<BenchResult> floor = run.results().stream().filter(r -> r.section().equals(JVM_FLOOR)).toList();
        if (floor.isEmpty()) {
            md.append("Not run: this run has no `").append(JVM_FLOOR).append("` results.\n\n");
            return;
        }
        String question = Catalog.section(JVM_FLOOR);
        if (!question.isEmpty()) {
            md.append(question).append("\n\n");
        }
        appendTable(md, floor);
    }

    private static void appendNativeFloor(StringBuilder md, ResultSet run) {
        md.append("## Native floor\n\n");
        if (run.floor().isEmpty()) {
            md.append("Not run: no `").append(NativeFloor.FILE_NAME)
                    .append("` beside this run (gcc missing, or not an x86-64 machine).\n\n");
            return;
        }
        NativeFloor floor = run.floor().get();
        md.append("One thread, each instruction in an inline-asm loop shaped like the JIT's (one operation per"
                + " iteration on 16(base,index,8), a counter): on one word (latency), or, `lines_*`, over 64"
                + " words one line apart (throughput). A round times every instruction once; one runs before each"
                + " benchmark class and one after the last. Its figure is the mean of the round means with JMH's"
                + " 99.9% error over them; every round's batches are in `").append(NativeFloor.FILE_NAME)
                .append("` (").append(floor.compiler()).append(").\n\n");
        md.append("| Id | Instruction | ns/op | Round means |\n|---|---|---:|---|\n");
        for (NativeFloor.Op op : floor.ops()) {
            md.append("| `").append(op.id()).append("` | `").append(escape(op.instruction())).append("` | ")
                    .append(op.nsPerOp().formatMarked())
                    .append(" | ").append(spread(op.roundMeans(), op.nsPerOp(), "round"))
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static void appendBenchmarks(StringBuilder md, ResultSet run) {
        md.append("## Benchmarks\n\n");
        Map<String, List<BenchResult>> sections = run.results().stream()
                .filter(r -> !r.section().equals(JVM_FLOOR))
                .collect(Collectors.groupingBy(BenchResult::section, LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<String, List<BenchResult>> s : sections.entrySet()) {
            md.append("### ").append(s.getKey()).append("\n\n");
            String question = Catalog.section(s.getKey());
            if (!question.isEmpty()) {
                md.append(question).append("\n\n");
            }
            appendTable(md, s.getValue());
        }
    }

    private static void appendTable(StringBuilder md, List<BenchResult> results) {
        md.append("| Benchmark | Measures | Threads | ns/op | Fork means | Per thread, counters, percentiles |\n"
                + "|---|---|---:|---:|---|---|\n");
        for (BenchResult r : results) {
            md.append("| `").append(r.shortName()).append("` | ").append(escape(Catalog.describe(r.id())))
                    .append(" | ").append(r.threads())
                    .append(" | ").append(r.nsPerOp().formatMarked())
                    .append(" | ").append(spread(r.forkMeans(), r.nsPerOp(), "fork"))
                    .append(" | ").append(details(r)).append(" |\n");
        }
        md.append('\n');
    }

    /**
     * "5 forks: 6.06 to 7.40", {@code unit} "fork" or "round": in the figure's digits, or finer where the
     * forks lie closer together than its error.
     */
    static String spread(List<Double> means, Figure figure, String unit) {
        if (means.isEmpty()) {
            return "";
        }
        DoubleSummaryStatistics s = means.stream().mapToDouble(Double::doubleValue).summaryStatistics();
        int decimals = figure.hasError() && figure.error() > 0 && Double.isFinite(figure.error())
                ? Precision.decimalsOf(figure.error()) : Precision.decimalsWithoutError(figure.value());
        double halfRange = (s.getMax() - s.getMin()) / 2;
        if (halfRange > 0) {
            decimals = Math.max(decimals, Precision.decimalsOf(halfRange));
        }
        String n = means.size() + " " + unit + (means.size() == 1 ? "" : "s") + ": ";
        return means.size() == 1 ? n + Precision.number(s.getMin(), decimals)
                : n + Precision.number(s.getMin(), decimals) + " to " + Precision.number(s.getMax(), decimals);
    }

    /** A group's per-method figures, the counters and, in SampleTime mode, the latency percentiles. */
    static String details(BenchResult r) {
        List<String> parts = new ArrayList<>();
        r.perThread().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> parts.add(e.getKey() + ": " + e.getValue().formatMarked()));
        r.counters().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> parts.add(e.getKey() + ": " + Precision.number(e.getValue().total(), 0) + " "
                        + e.getValue().unit()));
        if (!r.percentiles().isEmpty()) {
            parts.add(r.percentiles().entrySet().stream()
                    .sorted(Comparator.comparingDouble(e -> Double.parseDouble(e.getKey().substring(1))))
                    .map(e -> e.getKey() + " " + Precision.plain(e.getValue()))
                    .collect(Collectors.joining(", ")) + " ns");
        }
        return String.join("<br>", parts);
    }

    static Map<String, List<RatioSpec>> groups(List<RatioSpec> ratios) {
        return ratios.stream().collect(Collectors.groupingBy(RatioSpec::group, LinkedHashMap::new,
                Collectors.toList()));
    }

    private static String pct(double level) {
        return String.format(Locale.ROOT, "%.0f%%", level * 100);
    }

    /** Keeps a cell's text from breaking the table. */
    static String escape(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
