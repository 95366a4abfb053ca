package dev.pageflags.bench.run;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkException;
import org.openjdk.jmh.runner.format.OutputFormat;

import java.io.IOException;
import java.util.Collection;
import java.util.List;

/**
 * JMH's console output, with a native floor round slipped in before the first fork of each benchmark
 * class and after the last benchmark. JMH calls {@link #startBenchmark} in the host VM before it
 * starts that benchmark's forks, when none of its forks is alive, so a round there competes with no
 * benchmark. Rounds go by class because each class asks one question; a round before every
 * benchmark would add a second or more to each of them.
 *
 * <p>A round that fails stops the run: it is thrown as JMH's {@link BenchmarkException}, which JMH
 * turns into the {@code RunnerException} the suite reports, instead of measuring on without a floor.
 */
final class FloorBetweenGroups implements OutputFormat {

    /** One floor round, labelled with what it precedes. */
    @FunctionalInterface
    interface Round {
        void run(String before) throws IOException;
    }

    private final OutputFormat console;
    private final Round round;
    private String lastGroup;

    FloorBetweenGroups(OutputFormat console, Round round) {
        this.console = console;
        this.round = round;
    }

    /** The benchmark's class, the group a round goes before: {@code pkg.Class.method} to {@code Class}. */
    static String group(String benchmark) {
        int method = benchmark.lastIndexOf('.');
        String cls = method < 0 ? benchmark : benchmark.substring(0, method);
        return cls.substring(cls.lastIndexOf('.') + 1);
    }

    private void runRound(String before) {
        try {
            round.run(before);
        } catch (IOException e) {
            throw new BenchmarkException("native floor round before " + before + ": " + e.getMessage(), List.of(e));
        }
    }

    @Override
    public void startBenchmark(BenchmarkParams params) {
        beforeBenchmark(params.getBenchmark());
        console.startBenchmark(params);
    }

    /** A round when {@code benchmark} (JMH's full name) opens a class the last round did not precede. */
    void beforeBenchmark(String benchmark) {
        String group = group(benchmark);
        if (!group.equals(lastGroup)) {
            runRound(group);
            lastGroup = group;
        }
    }

    @Override
    public void endRun(Collection<RunResult> result) {
        runRound("the end of the run");
        console.endRun(result);
    }

    @Override
    public void iteration(BenchmarkParams benchParams, IterationParams params, int iteration) {
        console.iteration(benchParams, params, iteration);
    }

    @Override
    public void iterationResult(BenchmarkParams benchParams, IterationParams params, int iteration,
                                IterationResult data) {
        console.iterationResult(benchParams, params, iteration, data);
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
        console.endBenchmark(result);
    }

    @Override
    public void startRun() {
        console.startRun();
    }

    @Override
    public void print(String s) {
        console.print(s);
    }

    @Override
    public void println(String s) {
        console.println(s);
    }

    @Override
    public void flush() {
        console.flush();
    }

    @Override
    public void close() {
        console.close();
    }

    @Override
    public void verbosePrintln(String s) {
        console.verbosePrintln(s);
    }

    @Override
    public void write(int b) {
        console.write(b);
    }

    @Override
    public void write(byte[] b) throws IOException {
        console.write(b);
    }
}
