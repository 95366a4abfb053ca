package dev.pageflags.bench.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a run's report files, {@code report.md}, {@code chart.svg} and {@code ratios.json}, beside or elsewhere. As a
 * command it regenerates them from a JMH JSON file (and the native floor beside it):
 * {@code java -cp benchmarks.jar dev.pageflags.bench.report.Report results/bench/jmh.json [--out DIR]}.
 */
public final class Report {
    public static final String MARKDOWN = "report.md";
    public static final String SVG = "chart.svg";
    public static final String RATIOS_JSON = "ratios.json";

    private Report() {
    }

    /** Writes the three files into {@code dir}; returns the markdown, for a caller that wants to print it. */
    public static String write(ResultSet run, Path dir) throws IOException {
        List<RatioSpec> ratios = Ratios.all();
        Files.createDirectories(dir);
        String markdown = new MarkdownReport(ratios, AtomicPairs.all()).render(run);
        Files.writeString(dir.resolve(MARKDOWN), markdown);
        Files.writeString(dir.resolve(SVG), new SvgChart(ratios).render(run));
        Files.writeString(dir.resolve(RATIOS_JSON), RatiosJson.render(ratios, run));
        return markdown;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path json = null;
        Path dir = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--out") && i + 1 < args.length) {
                dir = Path.of(args[++i]);
            } else if (args[i].startsWith("-") || json != null) {
                return usage(err, "unexpected argument '" + args[i] + "'");
            } else {
                json = Path.of(args[i]);
            }
        }
        if (json == null) {
            return usage(err, "no JMH result file given");
        }
        if (!Files.isRegularFile(json)) {
            return usage(err, json + ": no such file");
        }
        try {
            Path target = dir != null ? dir : json.toAbsolutePath().getParent();
            write(ResultSet.load(json), target);
            out.println("wrote " + target.resolve(MARKDOWN) + ", " + target.resolve(SVG) + " and "
                    + target.resolve(RATIOS_JSON));
            return 0;
        } catch (IOException e) {
            err.println("report: " + e.getMessage());
            return 2;
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("report: " + problem);
        err.println("usage: java -cp benchmarks.jar " + Report.class.getName() + " JMH.json [--out DIR]");
        return 2;
    }
}
