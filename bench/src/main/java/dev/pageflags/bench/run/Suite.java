package dev.pageflags.bench.run;

import dev.pageflags.bench.report.NativeFloor;
import dev.pageflags.bench.report.RatioResult;
import dev.pageflags.bench.report.RatioSpec;
import dev.pageflags.bench.report.Ratios;
import dev.pageflags.bench.report.Report;
import dev.pageflags.bench.report.ResultSet;
import dev.pageflags.report.IndexPage;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark step in one command: the native floor, the JMH run ({@code -rf json}, fail on error)
 * and the report ({@code report.md}, {@code chart.svg}, {@code machine.md}) in one output folder.
 * Maven runs it in {@code verify}: {@code --mode smoke} by default, {@code --mode full} with
 * {@code -P run}. See {@link SuiteOptions#USAGE} for the command line.
 */
public final class Suite {
    static final String JMH_JSON = "jmh.json";
    static final String MACHINE = "machine.md";
    /**
     * What a fork costs beyond its iterations (JVM start, JMH's set-up), for the printed estimate only.
     * From the committed full run: its wall time (the Run row of results/reference/bench/machine.md)
     * less its forks' iterations (the forks and iteration settings of each benchmark in its jmh.json),
     * spread over those forks, native floor rounds included.
     */
    static final long FORK_START_MS = 550;

    private final PrintStream out;
    private final PrintStream err;

    Suite(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new Suite(System.out, System.err).run(args));
    }

    int run(String... args) {
        SuiteOptions opts;
        Options jmh;
        try {
            opts = SuiteOptions.parse(args);
            jmh = jmhOptions(opts);
        } catch (SuiteOptions.UsageException e) {
            if (e.getMessage() == null) {
                out.println(SuiteOptions.USAGE);
                return 0;
            }
            return usage("suite: " + e.getMessage());
        } catch (CommandLineOptionException e) {
            return usage("suite: bad JMH option in --jmh: " + e.getMessage());
        }
        int exit = executeReporting(opts, jmh);
        opts.index().ifPresent(this::writeIndex);
        return exit;
    }

    private int executeReporting(SuiteOptions opts, Options jmh) {
        try {
            return execute(opts, jmh);
        } catch (NoBenchmarksException e) {
            return usage("suite: no benchmark matches --include '" + opts.include() + "'"
                    + " (list them with: java -jar benchmarks.jar -l)");
        } catch (RunnerException e) {
            err.println("suite: the benchmark run failed: " + rootMessage(e));
            err.println("suite: (JMH's output above names the benchmark and its exception)");
            return 1;
        } catch (IOException e) {
            err.println("suite: " + e.getMessage());
            return 1;
        }
    }

    /** The results page, also after a failed run (its bench part then says the run left no report). */
    private void writeIndex(Path page) {
        try {
            IndexPage.Result written = IndexPage.write(page, "the benchmark run");
            written.problems().forEach(p -> err.println("[index] " + p));
            out.println("[index] " + written.page());
        } catch (IOException | RuntimeException e) {
            err.println("[index] could not write " + page + ": " + e);
        }
    }

    private int execute(SuiteOptions opts, Options jmh) throws IOException, RunnerException {
        // Checked before the native floor runs, so a mistyped --include fails at once.
        Set<BenchmarkListEntry> matching = BenchmarkList.defaultList().find(
                OutputFormatFactory.createFormatInstance(out, VerboseMode.SILENT), jmh.getIncludes(),
                jmh.getExcludes());
        if (matching.isEmpty()) {
            throw new NoBenchmarksException();
        }
        int runs = matching.stream().mapToInt(Suite::paramCombinations).sum();
        long seconds = Math.round(estimateMillis(runs, jmh) / 1000.0);
        out.printf("[suite] %s run of %d benchmarks (%d with their @Param values) into %s, `%s`: about %s%n",
                opts.mode().name().toLowerCase(Locale.ROOT), matching.size(), runs, opts.out(), settings(jmh),
                seconds < 120 ? seconds + " s" : Math.round(seconds / 60.0) + " min");
        MachineMarkdown machine = new MachineMarkdown();
        long started = System.nanoTime();
        Files.createDirectories(opts.out());
        // Files left by an earlier run must not pass for this run's, should this one fail.
        for (String stale : List.of(JMH_JSON, NativeFloor.FILE_NAME, Report.MARKDOWN, Report.SVG, Report.RATIOS_JSON,
                MACHINE)) {
            Files.deleteIfExists(opts.out().resolve(stale));
        }
        int count = measure(opts, jmh).size();
        ResultSet run = ResultSet.load(opts.out().resolve(JMH_JSON));
        Report.write(run, opts.out());
        Files.writeString(opts.out().resolve(MACHINE), machine.render(run.info().settings(), opts.note()));
        summarise(run, opts.out());
        out.printf("[suite] %d results in %d s%n", count, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        return 0;
    }

    /** The JMH run, with native floor rounds between its benchmark classes so that both sides see the same machine. */
    private Collection<RunResult> measure(SuiteOptions opts, Options jmh) throws IOException, RunnerException {
        Optional<NativeFloorRunner> floor = opts.nativeFloor()
                ? NativeFloorRunner.prepare(out, opts.mode()) : Optional.empty();
        try {
            Runner runner = floor.isPresent() ? floor.get().interleavedWith(jmh) : new Runner(jmh);
            Collection<RunResult> results = runner.run();
            if (results.isEmpty()) {
                throw new RunnerException("JMH produced no results");
            }
            if (floor.isPresent()) {
                floor.get().write(opts.out());
            }
            return results;
        } finally {
            if (floor.isPresent()) {
                floor.get().close();
            }
        }
    }

    static Options jmhOptions(SuiteOptions opts) throws CommandLineOptionException {
        CommandLineOptions cli = new CommandLineOptions(opts.jmhArgs().toArray(String[]::new));
        // Values set on this builder win over its parent's: set a default only where --jmh gave none.
        ChainedOptionsBuilder b = new OptionsBuilder().parent(cli)
                .include(opts.include())
                .resultFormat(ResultFormatType.JSON)
                .result(opts.out().resolve(JMH_JSON).toString())
                .shouldFailOnError(true);
        SuiteOptions.Mode mode = opts.mode();
        if (!cli.getForkCount().hasValue()) {
            b.forks(mode.forks);
        }
        if (!cli.getWarmupIterations().hasValue()) {
            b.warmupIterations(mode.warmupIterations);
        }
        if (!cli.getWarmupTime().hasValue() && mode.warmupIterations > 0) {
            b.warmupTime(TimeValue.milliseconds(mode.warmupMs));
        }
        if (!cli.getMeasurementIterations().hasValue()) {
            b.measurementIterations(mode.measurementIterations);
        }
        if (!cli.getMeasurementTime().hasValue()) {
            b.measurementTime(TimeValue.milliseconds(mode.measurementMs));
        }
        return b.build();
    }

    /** A benchmark runs once per combination of its @Param values. */
    private static int paramCombinations(BenchmarkListEntry e) {
        int n = 1;
        if (e.getParams().hasValue()) {
            for (String[] values : e.getParams().get().values()) {
                n *= Math.max(1, values.length);
            }
        }
        return n;
    }

    /** How long {@code runs} benchmark runs take with these options: iterations plus a JVM start per fork. */
    static long estimateMillis(int runs, Options jmh) {
        long perFork = jmh.getWarmupIterations().orElse(0) * millis(jmh.getWarmupTime().orElse(TimeValue.NONE))
                + jmh.getMeasurementIterations().orElse(1) * millis(jmh.getMeasurementTime().orElse(TimeValue.NONE))
                + FORK_START_MS;
        return (long) runs * Math.max(1, jmh.getForkCount().orElse(1)) * perFork;
    }

    private static long millis(TimeValue t) {
        return t.convertTo(TimeUnit.MILLISECONDS);
    }

    private static String settings(Options jmh) {
        int warmups = jmh.getWarmupIterations().orElse(0);
        return "-f " + jmh.getForkCount().orElse(1) + " -wi " + warmups
                + (warmups > 0 ? " -w " + jmh.getWarmupTime().orElse(TimeValue.NONE) : "")
                + " -i " + jmh.getMeasurementIterations().orElse(1)
                + " -r " + jmh.getMeasurementTime().orElse(TimeValue.NONE);
    }

    private void summarise(ResultSet run, Path dir) {
        out.println();
        out.println("[report] " + dir.resolve(Report.MARKDOWN) + ", " + dir.resolve(Report.SVG) + ", "
                + dir.resolve(Report.RATIOS_JSON) + ", " + dir.resolve(MACHINE));
        if (run.info().isSmoke()) {
            out.println("[report] smoke run: the verdicts below are not measurements");
        }
        for (RatioSpec r : Ratios.all()) {
            if (r.hasTarget()) {
                Optional<RatioResult> result = r.evaluate(run);
                out.printf("[target] %-52s %-24s %s%n", r.label() + " " + r.targetText(),
                        result.map(RatioResult::format).orElse("not run"),
                        result.map(x -> x.verdict().label()).orElse("not run"));
            }
        }
    }

    private int usage(String problem) {
        err.println(problem);
        err.println(SuiteOptions.USAGE);
        return 2;
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c == t ? String.valueOf(t.getMessage()) : t.getMessage() + " (" + c + ")";
    }
}
