package dev.pageflags.bench.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.runner.options.Options;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The suite's refusals; running benchmarks is left to the smoke run in verify. */
class SuiteTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int suite(String... args) {
        return new Suite(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anIncludeMatchingNothingFailsWithAClearMessage(@TempDir Path dir) {
        assertEquals(2, suite("--include", "NoSuchBenchmarkAnywhere", "--no-native", "--out", dir.toString()));
        assertTrue(err().contains("no benchmark matches --include 'NoSuchBenchmarkAnywhere'"), err());
        assertFalse(Files.exists(dir.resolve("report.md")), "no report for a run that did not happen");
    }

    @Test
    void theResultsPageIsRewrittenEvenWhenTheRunFails(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("index.html");
        assertEquals(2, suite("--include", "NoSuchBenchmarkAnywhere", "--no-native", "--out",
                dir.resolve("bench").toString(), "--index", page.toString()));
        String html = Files.readString(page);
        assertTrue(html.contains("Written by the benchmark run"), html);
        assertTrue(html.contains("<section id=\"bench\">"), html);
    }

    @Test
    void aMalformedJmhOptionFailsBeforeAnythingRuns(@TempDir Path dir) {
        assertEquals(2, suite("--jmh", "-f notANumber", "--out", dir.resolve("o").toString()));
        assertTrue(err().contains("bad JMH option in --jmh"), err());
        assertFalse(Files.exists(dir.resolve("o")), "nothing was run or written");
    }

    @Test
    void anUnknownSuiteOptionPrintsUsage() {
        assertEquals(2, suite("--bogus"));
        assertTrue(err().contains("unknown option '--bogus'"), err());
        assertTrue(err().contains("usage:"), err());
    }

    @Test
    void helpIsNotAnError() {
        assertEquals(0, suite("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--mode smoke|full"));
    }

    @Test
    void smokeSettingsYieldToExplicitJmhOptions() throws Exception {
        Options smoke = Suite.jmhOptions(SuiteOptions.parse("--mode", "smoke", "--jmh", "-i 2"));
        assertEquals(1, smoke.getForkCount().get());
        assertEquals(0, smoke.getWarmupIterations().get());
        assertEquals(2, smoke.getMeasurementIterations().get(), "-i from --jmh wins");
        assertTrue(smoke.shouldFailOnError().get(), "a failing benchmark must fail the run");
        Options full = Suite.jmhOptions(SuiteOptions.parse());
        assertTrue(full.shouldFailOnError().get());
    }

    @Test
    void theFullRunHasEnoughForksForIntervals() throws Exception {
        Options full = Suite.jmhOptions(SuiteOptions.parse());
        assertTrue(full.getForkCount().get() >= 5, "at least five forks: the fork is what the intervals resample");
        assertTrue(full.getForkCount().get() >= dev.pageflags.bench.report.Bootstrap.MIN_FORKS);
        assertTrue(full.getWarmupIterations().get() > 0, "a measured run warms up");
        assertEquals(7, Suite.jmhOptions(SuiteOptions.parse("--jmh", "-f 7")).getForkCount().get(), "-f from --jmh wins");
    }

    @Test
    void theWholeFullRunIsEstimatedFromItsSettings() throws Exception {
        Options full = Suite.jmhOptions(SuiteOptions.parse());
        long perFork = 3 * 100 + 5 * 150 + Suite.FORK_START_MS;
        assertEquals(60L * 5 * perFork, Suite.estimateMillis(60, full));
        // Sixty benchmark runs (the suite with the floors and counters added) stay within twelve minutes.
        assertTrue(Suite.estimateMillis(60, full) < 12 * 60_000, "the full run must stay within minutes");
        Options smoke = Suite.jmhOptions(SuiteOptions.parse("--mode", "smoke"));
        assertTrue(Suite.estimateMillis(60, smoke) < 60_000, "the smoke run must stay under a minute");
    }
}
