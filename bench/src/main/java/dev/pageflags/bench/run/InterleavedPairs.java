package dev.pageflags.bench.run;

import dev.pageflags.bench.run.SuiteOptions.UsageException;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Ratios of benchmark pairs from forks run in turn: pass 1 runs one fork of every benchmark named,
 * pass 2 another, and so on, so the two sides of a ratio are measured seconds apart, again and again.
 * The full run cannot tell a slow benchmark from a slow minute, because JMH runs all forks of one
 * benchmark before the next; this tool can. It answers one question: does a gap between two
 * benchmarks stay when the clock is the same for both?
 *
 * <p>{@code java -cp benchmarks.jar dev.pageflags.bench.run.InterleavedPairs [--passes N] [--out DIR]
 * NUM/DEN [NUM/DEN ...]}, each side a benchmark as {@code Class.method} of this module. Each fork uses
 * the full run's iteration settings. Writes {@code DIR/interleaved.md} (or standard output): every
 * fork's score, and per pair the ratio in each pass, its median and how many passes fall below 1;
 * and {@code DIR/machine.md}, the machine as the suite describes it, with the load before and after.
 * Exit 0 done, 1 a benchmark failed or the output could not be written, 2 bad input.
 */
public final class InterleavedPairs {
    static final String MARKDOWN = "interleaved.md";
    static final int DEFAULT_PASSES = 8;
    static final String USAGE = "usage: java -cp benchmarks.jar " + InterleavedPairs.class.getName()
            + " [--passes N] [--out DIR] NUM/DEN [NUM/DEN ...]   (each side Class.method, e.g."
            + " JvmFloorBench.getAndBitwiseAnd/JvmFloorBench.getAndBitwiseOr)";
    private static final Pattern BENCHMARK = Pattern.compile("[A-Za-z_$][\\w$]*\\.[A-Za-z_$][\\w$]*");

    /** A ratio to measure: two benchmarks of this module. */
    record Pair(String numerator, String denominator) {
        String label() {
            return numerator + " / " + denominator;
        }
    }

    /** What the command line asks for. */
    record Request(int passes, Path out, List<Pair> pairs) {
        /** Every benchmark named, once, in the order first named: the order of each pass. */
        List<String> benchmarks() {
            Set<String> names = new LinkedHashSet<>();
            for (Pair p : pairs) {
                names.add(p.numerator());
                names.add(p.denominator());
            }
            return List.copyOf(names);
        }
    }

    static final class BadInput extends Exception {
        private static final long serialVersionUID = 1L;

        BadInput(String message) {
            super(message);
        }
    }

    private InterleavedPairs() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Request request;
        try {
            request = parse(args);
        } catch (BadInput e) {
            err.println("interleaved-pairs: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        MachineMarkdown machine = new MachineMarkdown();
        Map<String, List<Double>> scores = new LinkedHashMap<>();
        request.benchmarks().forEach(b -> scores.put(b, new ArrayList<>()));
        try {
            for (int pass = 1; pass <= request.passes(); pass++) {
                for (String benchmark : request.benchmarks()) {
                    double ns = oneFork(benchmark);
                    scores.get(benchmark).add(ns);
                    err.printf(Locale.ROOT, "pass %d/%d  %-40s %.3f ns/op%n", pass, request.passes(), benchmark, ns);
                }
            }
        } catch (RunnerException | IOException | RuntimeException e) {
            err.println("interleaved-pairs: a fork failed: " + e.getMessage());
            return 1;
        }
        String settings = SuiteOptions.Mode.FULL.jmhSpelling(1);
        String markdown = InterleavedMarkdown.render(request, scores, settings);
        String machineMd = machine.render(settings, "InterleavedPairs, " + request.passes() + " passes");
        if (request.out() == null) {
            out.print(markdown + "\n" + machineMd);
            return 0;
        }
        try {
            Files.createDirectories(request.out());
            Files.writeString(request.out().resolve(MARKDOWN), markdown);
            Files.writeString(request.out().resolve(Suite.MACHINE), machineMd);
            out.println("wrote " + request.out().resolve(MARKDOWN) + " and " + request.out().resolve(Suite.MACHINE));
            return 0;
        } catch (IOException e) {
            err.println("interleaved-pairs: cannot write " + request.out().resolve(MARKDOWN) + ": " + e);
            return 1;
        }
    }

    static Request parse(String... args) throws BadInput {
        int passes = DEFAULT_PASSES;
        Path out = null;
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--passes")) {
                passes = positive(value(args, i++, a), a);
            } else if (a.equals("--out")) {
                out = Path.of(value(args, i++, a));
            } else if (a.startsWith("-")) {
                throw new BadInput("unknown option '" + a + "'");
            } else {
                pairs.add(pair(a));
            }
        }
        if (pairs.isEmpty()) {
            throw new BadInput("no pair given");
        }
        for (Pair p : pairs) {
            for (String side : List.of(p.numerator(), p.denominator())) {
                if (JmhBenchmarks.matching(regexOf(side)).size() != 1) {
                    throw new BadInput("no benchmark " + side + " in this jar");
                }
            }
        }
        if (passes < 3) {
            throw new BadInput("--passes must be at least 3 for a median of passes to mean anything, got " + passes);
        }
        return new Request(passes, out, List.copyOf(pairs));
    }

    private static Pair pair(String arg) throws BadInput {
        String[] sides = arg.split("/", -1);
        if (sides.length != 2 || !BENCHMARK.matcher(sides[0]).matches() || !BENCHMARK.matcher(sides[1]).matches()) {
            throw new BadInput("'" + arg + "' is not NUM/DEN with each side Class.method");
        }
        if (sides[0].equals(sides[1])) {
            throw new BadInput("'" + arg + "' divides a benchmark by itself");
        }
        return new Pair(sides[0], sides[1]);
    }

    private static String value(String[] args, int i, String option) throws BadInput {
        if (i + 1 >= args.length || args[i + 1].isBlank()) {
            throw new BadInput(option + " needs a value");
        }
        return args[i + 1];
    }

    private static int positive(String v, String option) throws BadInput {
        try {
            int n = Integer.parseInt(v.trim());
            if (n <= 0) {
                throw new BadInput(option + " must be positive, got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadInput(option + " must be a whole number, not '" + v + "'");
        }
    }

    private static String regexOf(String benchmark) {
        return SuiteOptions.ALL + Pattern.quote(benchmark) + "$";
    }

    /**
     * One fork of one benchmark with the full run's settings, built by the suite's own mapping of them to
     * JMH options; its score in ns/op. The fork's jmh.json goes to a scratch folder: the score is kept here.
     */
    private static double oneFork(String benchmark) throws RunnerException, IOException {
        Path scratch = Files.createTempDirectory("interleaved-");
        try {
            SuiteOptions full = SuiteOptions.parse("--mode", "full", "--include", regexOf(benchmark),
                    "--out", scratch.toString(), "--jmh", "-f 1 -v SILENT");
            Collection<RunResult> results = new Runner(Suite.jmhOptions(full)).run();
            if (results.size() != 1) {
                throw new IllegalStateException(benchmark + " matched " + results.size() + " benchmarks, not one");
            }
            return results.iterator().next().getPrimaryResult().getScore();
        } catch (UsageException | CommandLineOptionException e) {
            throw new IllegalStateException("the suite's options for " + benchmark + ": " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(scratch.resolve(Suite.JMH_JSON));
            Files.deleteIfExists(scratch);
        }
    }
}
