package dev.pageflags.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The report of one run as markdown: the ns/op of every benchmark with its error, the native floor,
 * and the ratios with their targets and verdicts.
 */
public final class MarkdownReport {
    private final List<RatioSpec> ratios;

    public MarkdownReport(List<RatioSpec> ratios) {
        this.ratios = List.copyOf(ratios);
    }

    public String render(ResultSet run) {
        StringBuilder md = new StringBuilder();
        md.append("# Flag operations and the page lock: ns/op\n\n");
        md.append(runLine(run)).append("\n\n");
        if (run.info().isSmoke()) {
            md.append("> **Smoke run**: no warm-up, one short iteration per benchmark. It shows that every benchmark"
                    + " runs; its figures and verdicts are not measurements.\n\n");
        }
        md.append("Errors are the 99.9% confidence interval JMH reports (the native floor's are computed the same"
                + " way over its rounds, one mean per round run between benchmark classes); `?` means the run had too few iterations to give one. A ratio's error"
                + " combines both sides' relative errors.\n\n");
        appendRatios(md, run);
        appendBenchmarks(md, run);
        appendFloor(md, run);
        return md.toString();
    }

    static String runLine(ResultSet run) {
        RunInfo i = run.info();
        String floor = run.floor().map(f -> "native floor built with " + f.compiler())
                .orElse("no native floor (gcc missing or not x86-64)");
        return "JDK " + i.jdkVersion() + " (" + i.jvm() + "), JMH " + i.jmhVersion() + ", `" + i.settings() + "`, "
                + floor + ".";
    }

    private void appendRatios(StringBuilder md, ResultSet run) {
        Map<String, List<RatioSpec>> byGroup = groups(ratios);
        for (Map.Entry<String, List<RatioSpec>> g : byGroup.entrySet()) {
            md.append("## ").append(g.getKey()).append("\n\n");
            boolean targets = g.getValue().stream().anyMatch(RatioSpec::hasTarget);
            md.append(targets ? "| Ratio | Numerator ns/op | Denominator ns/op | Ratio | Target | Verdict | Why |\n"
                    + "|---|---:|---:|---:|---|---|---|\n"
                    : "| Ratio | Numerator ns/op | Denominator ns/op | Ratio | Note |\n|---|---:|---:|---:|---|\n");
            for (RatioSpec r : g.getValue()) {
                Optional<Figure> value = r.evaluate(run);
                md.append("| ").append(r.label())
                        .append(" | ").append(cell(run, r.numerator()))
                        .append(" | ").append(cell(run, r.denominator()))
                        .append(" | ").append(value.map(Figure::formatRatio).orElse("n/a"));
                if (targets) {
                    md.append(" | ").append(r.targetText())
                            .append(" | ").append(value.map(r::verdict).orElse("not measured"));
                }
                md.append(" | ").append(escape(r.why())).append(" |\n");
            }
            md.append('\n');
        }
    }

    private static String cell(ResultSet run, String id) {
        return run.figure(id).map(Figure::format).orElse("n/a") + "<br>`" + id + "`";
    }

    private static void appendBenchmarks(StringBuilder md, ResultSet run) {
        md.append("## Benchmarks\n\n");
        Map<String, List<BenchResult>> sections = run.results().stream()
                .collect(Collectors.groupingBy(BenchResult::section, LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<String, List<BenchResult>> s : sections.entrySet()) {
            md.append("### ").append(s.getKey()).append("\n\n");
            String question = Catalog.section(s.getKey());
            if (!question.isEmpty()) {
                md.append(question).append("\n\n");
            }
            md.append("| Benchmark | Measures | Threads | ns/op | Per thread |\n|---|---|---:|---:|---|\n");
            for (BenchResult r : s.getValue()) {
                md.append("| `").append(r.shortName()).append("` | ").append(escape(Catalog.describe(r.id())))
                        .append(" | ").append(r.threads())
                        .append(" | ").append(r.nsPerOp().format())
                        .append(" | ").append(perThread(r)).append(" |\n");
            }
            md.append('\n');
        }
    }

    static String perThread(BenchResult r) {
        List<String> parts = new ArrayList<>();
        r.perThread().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> parts.add(e.getKey() + ": " + e.getValue().format()));
        return String.join("<br>", parts);
    }

    private static void appendFloor(StringBuilder md, ResultSet run) {
        md.append("## Native floor\n\n");
        if (run.floor().isEmpty()) {
            md.append("Not measured in this run (gcc missing, or not an x86-64 machine).\n");
            return;
        }
        NativeFloor floor = run.floor().get();
        md.append("One thread, each instruction in an inline-asm loop shaped like the JIT's (one operation per"
                + " iteration on 16(base,index,8), a counter): on one word (latency), or, `lines_*`, over 64"
                + " words one line apart (throughput); every round's batches are in native-floor.json (")
                .append(floor.compiler()).append(").\n\n");
        md.append("| Id | Instruction | ns/op |\n|---|---|---:|\n");
        for (NativeFloor.Op op : floor.ops()) {
            md.append("| `").append(op.id()).append("` | `").append(escape(op.instruction())).append("` | ")
                    .append(op.nsPerOp().format()).append(" |\n");
        }
        md.append('\n');
    }

    static Map<String, List<RatioSpec>> groups(List<RatioSpec> ratios) {
        return ratios.stream().collect(Collectors.groupingBy(RatioSpec::group, LinkedHashMap::new,
                Collectors.toList()));
    }

    /** Keeps a cell's text from breaking the table. */
    static String escape(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
