package dev.pageflags.bench.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Two runs side by side (two machines, two JDKs), in the report's table format:
 * {@code java -cp benchmarks.jar dev.pageflags.bench.report.Compare A.json B.json [--labels A B]}.
 * Each side's native floor is read from {@code native-floor.json} beside its JMH file, if present.
 * The markdown goes to standard output.
 */
public final class Compare {
    private final List<RatioSpec> ratios;

    public Compare(List<RatioSpec> ratios) {
        this.ratios = List.copyOf(ratios);
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<Path> files = new ArrayList<>();
        String labelA = "A";
        String labelB = "B";
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--labels")) {
                if (i + 2 >= args.length) {
                    return usage(err, "--labels needs two names");
                }
                labelA = args[++i];
                labelB = args[++i];
            } else if (args[i].startsWith("-")) {
                return usage(err, "unknown option '" + args[i] + "'");
            } else {
                files.add(Path.of(args[i]));
            }
        }
        if (files.size() != 2) {
            return usage(err, "expected two JMH result files, got " + files.size());
        }
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                return usage(err, f + ": no such file");
            }
        }
        try {
            ResultSet a = ResultSet.load(files.get(0));
            ResultSet b = ResultSet.load(files.get(1));
            out.print(new Compare(Ratios.all()).render(labelA, a, labelB, b));
            return 0;
        } catch (IOException e) {
            err.println("compare: " + e.getMessage());
            return 2;
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("compare: " + problem);
        err.println("usage: java -cp benchmarks.jar " + Compare.class.getName() + " A.json B.json [--labels A B]");
        return 2;
    }

    public String render(String labelA, ResultSet a, String labelB, ResultSet b) {
        StringBuilder md = new StringBuilder();
        md.append("# Comparison: ").append(labelA).append(" vs ").append(labelB).append("\n\n");
        md.append("- **").append(labelA).append("**: ").append(MarkdownReport.runLine(a)).append('\n');
        md.append("- **").append(labelB).append("**: ").append(MarkdownReport.runLine(b)).append("\n\n");
        appendRatios(md, labelA, a, labelB, b);
        appendBenchmarks(md, labelA, a, labelB, b);
        appendFloor(md, labelA, a, labelB, b);
        return md.toString();
    }

    private void appendRatios(StringBuilder md, String labelA, ResultSet a, String labelB, ResultSet b) {
        for (Map.Entry<String, List<RatioSpec>> g : MarkdownReport.groups(ratios).entrySet()) {
            md.append("## ").append(g.getKey()).append("\n\n");
            md.append("| Ratio | Target | ").append(labelA).append(" | ").append(labelB).append(" |\n");
            md.append("|---|---|---:|---:|\n");
            for (RatioSpec r : g.getValue()) {
                md.append("| ").append(r.label()).append(" | ").append(r.targetText())
                        .append(" | ").append(ratioCell(r, a))
                        .append(" | ").append(ratioCell(r, b)).append(" |\n");
            }
            md.append('\n');
        }
    }

    private static String ratioCell(RatioSpec r, ResultSet run) {
        Optional<Figure> f = r.evaluate(run);
        if (f.isEmpty()) {
            return "n/a";
        }
        return f.get().formatRatio() + (r.hasTarget() ? " (" + r.verdict(f.get()) + ")" : "");
    }

    private static void appendBenchmarks(StringBuilder md, String labelA, ResultSet a, String labelB, ResultSet b) {
        md.append("## Benchmarks, ns/op\n\n");
        md.append("| Benchmark | ").append(labelA).append(" | ").append(labelB).append(" | ")
                .append(labelB).append(" / ").append(labelA).append(" |\n|---|---:|---:|---:|\n");
        Set<String> ids = new LinkedHashSet<>();
        a.results().forEach(r -> ids.add(r.id()));
        b.results().forEach(r -> ids.add(r.id()));
        for (String id : ids) {
            appendPair(md, "`" + id + "`", a.figure(id), b.figure(id));
        }
        md.append('\n');
    }

    private static void appendFloor(StringBuilder md, String labelA, ResultSet a, String labelB, ResultSet b) {
        if (a.floor().isEmpty() && b.floor().isEmpty()) {
            return;
        }
        md.append("## Native floor, ns/op\n\n");
        md.append("| Instruction | ").append(labelA).append(" | ").append(labelB).append(" | ")
                .append(labelB).append(" / ").append(labelA).append(" |\n|---|---:|---:|---:|\n");
        Set<String> ids = new LinkedHashSet<>();
        a.floor().ifPresent(f -> f.ops().forEach(op -> ids.add(op.id())));
        b.floor().ifPresent(f -> f.ops().forEach(op -> ids.add(op.id())));
        for (String id : ids) {
            appendPair(md, "`" + id + "`", a.figure(id), b.figure(id));
        }
        md.append('\n');
    }

    private static void appendPair(StringBuilder md, String name, Optional<Figure> x, Optional<Figure> y) {
        md.append("| ").append(name)
                .append(" | ").append(x.map(Figure::format).orElse("n/a"))
                .append(" | ").append(y.map(Figure::format).orElse("n/a"))
                .append(" | ").append(x.isPresent() && y.isPresent() ? y.get().ratioTo(x.get()).formatRatio() : "n/a")
                .append(" |\n");
    }
}
