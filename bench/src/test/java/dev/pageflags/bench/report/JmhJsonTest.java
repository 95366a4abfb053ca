package dev.pageflags.bench.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JmhJsonTest {

    @Test
    void readsScoreErrorThreadsAndRunSettings() {
        JmhJson.Run run = JmhJson.parse(Fixtures.jmh(Fixtures.entry("dev.pageflags.bench.FlagOpsBench.setBit", 9.5, 0.25)));
        BenchResult r = run.results().get(0);
        assertEquals("FlagOpsBench.setBit", r.id());
        assertEquals("FlagOpsBench", r.section());
        assertEquals("setBit", r.shortName());
        assertEquals(1, r.threads());
        assertEquals(9.5, r.nsPerOp().value(), 1e-12);
        assertEquals(0.25, r.nsPerOp().error(), 1e-12);
        assertEquals("17.0.15", run.info().jdkVersion());
        assertEquals("-f 2 -wi 3 -w 300ms -i 5 -r 300ms", run.info().settings());
        assertFalse(run.info().isSmoke());
    }

    @Test
    void theReferenceRunHasTwoForkMeansPerBenchmark() throws IOException {
        JmhJson.Run run = JmhJson.parse(Files.readString(Fixtures.REFERENCE));
        assertEquals(44, run.results().size());
        BenchResult lock = run.results().stream().filter(r -> r.id().equals("PageLockBench.lockPageUnlockPage"))
                .findFirst().orElseThrow();
        assertEquals(2, lock.forkMeans().size());
        // The mean of the fork means is JMH's score: every fork ran the same number of iterations.
        assertEquals(lock.nsPerOp().value(), (lock.forkMeans().get(0) + lock.forkMeans().get(1)) / 2, 1e-9);
        assertTrue(Math.abs(lock.forkMeans().get(0) - lock.forkMeans().get(1)) > 0.01, "the forks differ");
    }

    @Test
    void forkMeansAreTheMeansOfEachForksIterations() {
        BenchResult r = JmhJson.parse(Fixtures.jmh(Fixtures.forked("a.B.c", 1.0, 2.0, 4.0))).results().get(0);
        assertEquals(List.of(1.0, 2.0, 4.0), r.forkMeans());
        assertEquals(7.0 / 3, r.nsPerOp().value(), 1e-12);
    }

    @Test
    void groupResultsKeepEachThreadAndParamsBecomePartOfTheId() {
        Map<String, Double> threads = new LinkedHashMap<>();
        threads.put("setBitA", 40.0);
        threads.put("setBitB", 50.0);
        threads.put("\u00b7gc.alloc.rate", 0.0);
        String e = Fixtures.entry("dev.pageflags.bench.FalseSharingBench.setBit", 2, 45.0, 1.0, "ns/op",
                Map.of("wordsPerPage", "1"), threads);
        BenchResult r = JmhJson.parse(Fixtures.jmh(e)).results().get(0);
        assertEquals("FalseSharingBench.setBit:wordsPerPage=1", r.id());
        assertEquals("setBit:wordsPerPage=1", r.shortName());
        assertEquals(2, r.threads());
        assertEquals(40.0, r.perThread().get("setBitA").value(), 1e-12);
        assertEquals(50.0, r.perThread().get("setBitB").value(), 1e-12);
        assertFalse(r.perThread().containsKey("\u00b7gc.alloc.rate"), "profiler metrics are not threads");
    }

    @Test
    void eventCountersAreCountsWithTheirPerForkTotalsAndNotThreads() {
        // LostUpdateBench's shape: a group of two threads (time per thread), and @AuxCounters(EVENTS) in "#".
        String e = Fixtures.forked("dev.pageflags.bench.LostUpdateBench.__setBit",
                Map.of("__setBitA", 4.0, "__setBitB", 6.0),
                Map.of("lostUpdates", new double[] {10, 20, 30}, "ops", new double[] {1e6, 1e6, 1e6}), 5, 5, 5);
        BenchResult r = JmhJson.parse(Fixtures.jmh(e)).results().get(0);
        AuxCounter lost = r.counters().get("lostUpdates");
        assertEquals("#", lost.unit());
        assertEquals(60, lost.total(), 1e-9);
        assertEquals(List.of(10.0, 20.0, 30.0), lost.forkTotals());
        assertEquals(3e6, r.counters().get("ops").total(), 1e-3);
        assertEquals(java.util.Set.of("__setBitA", "__setBitB"), r.perThread().keySet(),
                "a count is not a time per operation, a thread's time is");
        assertEquals(6.0, r.perThread().get("__setBitB").value(), 1e-12);
    }

    @Test
    void sampleTimeGivesHistogramForkMeansAndPercentiles() {
        double[][][][] histogram = {
            {{{10, 3}, {20, 1}}, {{10, 4}}},
            {{{30, 2}}, {{40, 2}}},
        };
        String e = Fixtures.sampled("x.LockHandOffBench.pageLock", histogram, 20.0,
                Map.of("50.0", 15.0, "99.0", 40.0, "99.9", 40.0, "100.0", 40.0));
        BenchResult r = JmhJson.parse(Fixtures.jmh(e)).results().get(0);
        assertEquals("sample", r.mode());
        // Fork 1: (10*3 + 20 + 10*4) / 8; fork 2: (30*2 + 40*2) / 4.
        assertEquals(List.of(90.0 / 8, 35.0), r.forkMeans());
        assertEquals(Map.of("p50", 15.0, "p99", 40.0, "p99.9", 40.0), r.percentiles());
        assertTrue(r.perThread().isEmpty(), "SampleTime's p0.50... secondaries are not threads");
    }

    @Test
    void profilerMetricsWithoutTheMiddleDotAreNotThreads() {
        String e = Fixtures.entry("dev.pageflags.bench.LockHandOffBench.pageLock", 2, 300.0, 20.0, "ns/op",
                Map.of(), Map.of("pageLockA", 290.0)).replace("\"secondaryMetrics\": {",
                "\"secondaryMetrics\": {" + metric("handOffs", 1234.0, "#") + ", "
                        + metric("gc.alloc.rate", 0.01, "MB/sec") + ", " + metric("gc.alloc.rate.norm", 0.0, "B/op")
                        + ", ");
        BenchResult r = JmhJson.parse(Fixtures.jmh(e)).results().get(0);
        assertEquals(Set.of("pageLockA"), r.perThread().keySet());
        assertEquals(300.0, r.nsPerOp().value(), 1e-12);
    }

    private static String metric(String name, double score, String unit) {
        return "\"" + name + "\": {\"score\": " + score + ", \"scoreError\": \"NaN\", \"scoreUnit\": \"" + unit
                + "\", \"rawData\": [[" + score + "]]}";
    }

    @Test
    void nanAsAStringIsAnUnknownError() {
        String e = Fixtures.entry("x.Y.z", 1, 7.9, "NaN", "ns/op", Map.of(), Map.of());
        assertFalse(JmhJson.parse(Fixtures.jmh(e)).results().get(0).nsPerOp().hasError());
    }

    @Test
    void otherTimeUnitsAndThroughputBecomeNanosecondsPerOp() {
        Figure us = JmhJson.parse(Fixtures.jmh(Fixtures.entry("x.Y.us", 1, 1.5, 0.1, "us/op", Map.of(), Map.of())))
                .results().get(0).nsPerOp();
        assertEquals(1500, us.value(), 1e-9);
        assertEquals(100, us.error(), 1e-9);
        BenchResult thrpt = JmhJson.parse(Fixtures.jmh(Fixtures.entry("x.Y.t", 1, 2.0, 0.2, "ops/us", Map.of(),
                Map.of()))).results().get(0);
        assertEquals(500, thrpt.nsPerOp().value(), 1e-9);
        assertEquals(50, thrpt.nsPerOp().error(), 1e-9);
        assertEquals(List.of(500.0), thrpt.forkMeans(), "a fork's throughput is inverted too");
    }

    @Test
    void anUnknownPrimaryUnitIsRejected() {
        String e = Fixtures.entry("x.Y.z", 1, 1, 0.1, "bytes", Map.of(), Map.of());
        assertThrows(IllegalStateException.class, () -> JmhJson.parse(Fixtures.jmh(e)));
    }

    @Test
    void aFileThatIsNotJmhJsonGivesAClearError(@TempDir Path dir) throws IOException {
        Path notArray = Files.writeString(dir.resolve("a.json"), "{\"ops\": []}");
        IOException e = assertThrows(IOException.class, () -> JmhJson.read(notArray));
        assertTrue(e.getMessage().contains("is not a JMH JSON result file"), e.getMessage());
        Path garbage = Files.writeString(dir.resolve("b.json"), "[{\"benchmark\": ");
        assertThrows(IOException.class, () -> JmhJson.read(garbage));
        Path otherArray = Files.writeString(dir.resolve("c.json"), "[{\"test\": \"Race004\"}]");
        IOException other = assertThrows(IOException.class, () -> JmhJson.read(otherArray));
        assertTrue(other.getMessage().contains("entry 1 has no 'benchmark'"), other.getMessage());
    }
}
