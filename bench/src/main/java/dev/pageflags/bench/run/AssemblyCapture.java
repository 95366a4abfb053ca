package dev.pageflags.bench.run;

import dev.pageflags.bench.asm.AsmTarget;
import dev.pageflags.bench.asm.Excerpt;
import dev.pageflags.bench.asm.LoopExtractor;
import dev.pageflags.bench.asm.Provenance;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The assembly step of the full run: for each {@link AsmTarget}, one short JMH fork with HotSpot
 * printing the benchmark's JMH stub ({@code -XX:CompileCommand=print}), the stub's C2 hot loop cut
 * out and written, annotated, to {@code <out>/asm/<target>.txt}, with {@code <out>/asm/README.md}
 * listing them. Where the machine has no way to read compiled code (no usable hsdis, no objdump, not
 * x86-64) it says why, writes "assembly: not captured" in the index, and exits 0: the excerpts are
 * evidence for the report, not a condition of the run. A target that matches no benchmark, or a
 * capture that yields no loop, is a defect and exits non-zero.
 */
public final class AssemblyCapture {
    static final String DIR = "asm";
    static final String INDEX = "README.md";
    /** Short, since only the compile matters: C2's standard compile of the stub lands within these. */
    static final List<String> JMH_ARGS = List.of("-f", "1", "-wi", "5", "-w", "200ms", "-i", "1", "-r", "200ms",
            "-bm", "avgt", "-foe", "true");
    static final String USAGE = String.join("\n",
            "usage: java -cp benchmarks.jar dev.pageflags.bench.run.AssemblyCapture [--out DIR] [--include REGEX]",
            "  --out DIR         the run's folder; excerpts go to DIR/asm/. Default: results/bench.",
            "  --include REGEX   only targets whose benchmark's full name matches (as the suite's --include).",
            "exit status: 0 done or nothing to capture with, 1 a capture failed, 2 bad command line or target table.");

    private final PrintStream out;
    private final PrintStream err;
    private final AsmToolchain tools;

    AssemblyCapture(PrintStream out, PrintStream err, AsmToolchain tools) {
        this.out = out;
        this.err = err;
        this.tools = tools;
    }

    public static void main(String[] args) {
        AsmToolchain tools = AsmToolchain.probe(Path.of(System.getProperty("java.home")));
        System.exit(new AssemblyCapture(System.out, System.err, tools).run(args));
    }

    int run(String... args) {
        Path dir = Path.of("results", "bench");
        Pattern include = null;
        List<String> words = new ArrayList<>();
        for (String a : args) {
            // --opt=value as two words, so that Maven can pass an empty value.
            int eq = a.indexOf('=');
            words.addAll(a.startsWith("--") && eq > 2 ? List.of(a.substring(0, eq), a.substring(eq + 1)) : List.of(a));
        }
        for (int i = 0; i < words.size(); i++) {
            String a = words.get(i);
            if (a.equals("-h") || a.equals("--help")) {
                out.println(USAGE);
                return 0;
            }
            if (!a.equals("--out") && !a.equals("--include")) {
                return usage("asm: unknown option '" + a + "'");
            }
            if (i + 1 >= words.size()) {
                return usage("asm: " + a + " needs a value");
            }
            String value = words.get(++i);
            if (a.equals("--out")) {
                if (value.isBlank()) {
                    return usage("asm: --out needs a value");
                }
                dir = Path.of(value);
            } else {
                try {
                    include = value.isBlank() ? null : Pattern.compile(value);
                } catch (PatternSyntaxException e) {
                    return usage("asm: --include '" + value + "' is not a valid regular expression: "
                            + e.getDescription());
                }
            }
        }
        try {
            return capture(dir.resolve(DIR), selected(include));
        } catch (TableException e) {
            err.println("asm: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("asm: " + e.getMessage());
            return 1;
        }
    }

    private List<AsmTarget> selected(Pattern include) throws TableException {
        List<AsmTarget> out = new ArrayList<>();
        for (AsmTarget t : AsmTarget.ALL) {
            int matching = JmhBenchmarks.matching(t.jmhRegex()).size();
            if (matching != 1) {
                throw new TableException("target " + t.name() + " names " + t.benchmark() + ", which matches "
                        + matching + " benchmarks instead of 1: update AsmTarget.ALL");
            }
            if (include == null || include.matcher(t.fullName()).find()) {
                out.add(t);
            }
        }
        return out;
    }

    private int capture(Path asm, List<AsmTarget> targets) throws IOException, TableException {
        Files.createDirectories(asm);
        try (var stale = Files.newDirectoryStream(asm, "*.txt")) {
            for (Path p : stale) {
                Files.delete(p);
            }
        }
        Files.deleteIfExists(asm.resolve(INDEX));
        IndexMarkdown index = new IndexMarkdown(tools);
        if (!tools.canCapture()) {
            out.println("[asm] skipped: " + tools.whyNot());
            Files.writeString(asm.resolve(INDEX), index.notCaptured(tools.whyNot()));
            return 0;
        }
        if (targets.isEmpty()) {
            out.println("[asm] no target matches --include; nothing to capture");
            Files.writeString(asm.resolve(INDEX), index.notCaptured("no target was selected by --include"));
            return 0;
        }
        Files.createDirectories(asm.resolve("raw"));
        int failed = 0;
        for (AsmTarget t : targets) {
            out.println("[asm] " + t.name() + ": " + t.fullName());
            try {
                LoopExtractor.Result r = captureOne(t, asm);
                Path file = asm.resolve(t.name() + ".txt");
                Files.writeString(file, Excerpt.render(t, provenance(t, r), r.nmethod(), r.loop()));
                String found = Excerpt.summary(r.loop());
                index.captured(t, file.getFileName().toString(), found);
                out.println("[asm]   " + found + " -> " + file);
            } catch (LoopExtractor.NoLoopException | RunnerException | IOException e) {
                failed++;
                err.println("[asm] " + t.name() + " failed: " + e.getMessage() + " (the fork's output: "
                        + rawLog(asm, t) + ")");
                index.failed(t, e.getMessage());
            }
        }
        Files.writeString(asm.resolve(INDEX), index.render());
        return failed == 0 ? 0 : 1;
    }

    private LoopExtractor.Result captureOne(AsmTarget t, Path asm)
            throws IOException, RunnerException, LoopExtractor.NoLoopException, TableException {
        Path log = rawLog(asm, t);
        try (OutputStream file = Files.newOutputStream(log);
             PrintStream forkOutput = new PrintStream(file, true, StandardCharsets.UTF_8)) {
            // Silent: JMH's own progress lines stay out, so the file holds only the fork's output.
            Collection<RunResult> results = new Runner(jmhOptions(t),
                    OutputFormatFactory.createFormatInstance(forkOutput, VerboseMode.SILENT)).run();
            if (results.isEmpty()) {
                throw new RunnerException("JMH produced no result for " + t.fullName());
            }
        }
        return LoopExtractor.extract(Files.readAllLines(log, StandardCharsets.UTF_8), t, tools.decoder());
    }

    private static CommandLineOptions jmhOptions(AsmTarget t) throws TableException {
        List<String> args = new ArrayList<>(List.of(t.jmhRegex()));
        args.addAll(JMH_ARGS);
        args.add("-jvmArgsPrepend");
        args.add(String.join(" ", jvmFlags(t)));
        args.addAll(t.jmhArgs());
        try {
            return new CommandLineOptions(args.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            throw new TableException("target " + t.name() + ": bad JMH options " + t.jmhArgs() + ": " + e.getMessage());
        }
    }

    static List<String> jvmFlags(AsmTarget t) {
        return List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:CompileCommand=print," + t.stubPattern());
    }

    private Provenance provenance(AsmTarget t, LoopExtractor.Result r) {
        List<String> jmh = new ArrayList<>(JMH_ARGS);
        jmh.addAll(t.jmhArgs());
        String decodedBy = r.nmethod().hasRawBytes() ? tools.decoder().describe()
                : "HotSpot's hsdis: " + tools.hsdis().library().map(Path::toString).orElse("(found by the JVM)");
        return new Provenance(System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("java.home"), jvmFlags(t), jmh, decodedBy);
    }

    private static Path rawLog(Path asm, AsmTarget t) {
        return asm.resolve("raw").resolve(t.name() + ".log");
    }

    private int usage(String problem) {
        err.println(problem);
        err.println(USAGE);
        return 2;
    }

    /** The target table, not the machine, is wrong. */
    static final class TableException extends Exception {
        private static final long serialVersionUID = 1L;

        TableException(String message) {
            super(message);
        }
    }
}
