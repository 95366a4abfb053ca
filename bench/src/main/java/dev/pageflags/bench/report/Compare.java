package dev.pageflags.bench.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Several benchmark runs side by side (machines, JDKs):
 * {@code java -cp benchmarks.jar dev.pageflags.bench.report.Compare [--out DIR] RUN RUN [RUN...]},
 * each RUN a result directory or its {@code jmh.json} (the native floor and {@code machine.md}
 * beside it are read too). Writes one table per benchmark and one per ratio, each run a row and
 * each benchmark also as a ratio to run 1 with its fork-level interval, to {@code DIR/compare.md},
 * or to standard output without {@code --out}. Exit 0 written, 2 bad input (the message names the
 * file), 1 the output could not be written.
 */
public final class Compare {
    public static final String MARKDOWN = "compare.md";
    static final String USAGE = "usage: java -cp benchmarks.jar " + Compare.class.getName()
            + " [--out DIR] RUN RUN [RUN...]   (RUN: a result directory or its jmh.json)";

    private Compare() {
    }

    /** Input the tool refuses, with the message that says why. */
    static final class BadInput extends Exception {
        private static final long serialVersionUID = 1L;

        BadInput(String message) {
            super(message);
        }
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path outDir = null;
        List<ComparedRun> runs = new ArrayList<>();
        try {
            List<Path> inputs = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--out")) {
                    if (i + 1 >= args.length || args[i + 1].isBlank()) {
                        throw new BadInput("--out needs a directory");
                    }
                    outDir = Path.of(args[++i]);
                } else if (args[i].startsWith("-")) {
                    throw new BadInput("unknown option '" + args[i] + "'");
                } else {
                    inputs.add(Path.of(args[i]));
                }
            }
            if (inputs.size() < 2) {
                throw new BadInput("needs at least two runs to compare, got " + inputs.size());
            }
            for (Path input : inputs) {
                runs.add(ComparedRun.load(runs.size() + 1, input));
            }
            checkOverlap(runs);
        } catch (BadInput e) {
            err.println("compare: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        String markdown = new CompareMarkdown(Ratios.all()).render(runs);
        if (outDir == null) {
            out.print(markdown);
            return 0;
        }
        try {
            Files.createDirectories(outDir);
            Files.writeString(outDir.resolve(MARKDOWN), markdown);
        } catch (IOException e) {
            err.println("compare: cannot write " + outDir.resolve(MARKDOWN) + ": " + e);
            return 1;
        }
        out.println("compared " + runs.size() + " runs into " + outDir.resolve(MARKDOWN));
        return 0;
    }

    /** Every run must share a benchmark with run 1, which every ratio is taken against. */
    static void checkOverlap(List<ComparedRun> runs) throws BadInput {
        ComparedRun first = runs.get(0);
        Set<String> reference = first.benchmarkIds();
        for (ComparedRun other : runs.subList(1, runs.size())) {
            Set<String> shared = new LinkedHashSet<>(other.benchmarkIds());
            shared.retainAll(reference);
            if (shared.isEmpty()) {
                throw new BadInput("run " + other.number() + " (" + other.source()
                        + ") shares no benchmark with run 1 (" + first.source() + "): nothing to compare");
            }
        }
    }
}
