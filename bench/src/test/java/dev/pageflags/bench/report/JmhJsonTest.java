package dev.pageflags.bench.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
        assertEquals(Map.of("setBitA", 40.0, "setBitB", 50.0),
                Map.of("setBitA", r.perThread().get("setBitA").value(), "setBitB", r.perThread().get("setBitB").value()));
        assertFalse(r.perThread().containsKey("\u00b7gc.alloc.rate"), "profiler metrics are not threads");
    }

    @Test
    void auxCountersAreNotTakenForThreads() {
        Map<String, Double> secondaries = new LinkedHashMap<>();
        secondaries.put("setBitA", 40.0);
        secondaries.put("lostUpdates", 3.0);
        String e = Fixtures.entry("dev.pageflags.bench.LostUpdateBench.setBit", 2, 45.0, 1.0, "ns/op", Map.of(),
                secondaries).replaceFirst("(\"lostUpdates\": \\{[^}]*\"scoreUnit\": )\"ns/op\"", "$1\"#\"");
        assertTrue(e.contains("\"scoreUnit\": \"#\""), e);
        BenchResult r = JmhJson.parse(Fixtures.jmh(e)).results().get(0);
        assertEquals(java.util.Set.of("setBitA"), r.perThread().keySet());
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
        Figure thrpt = JmhJson.parse(Fixtures.jmh(Fixtures.entry("x.Y.t", 1, 2.0, 0.2, "ops/us", Map.of(), Map.of())))
                .results().get(0).nsPerOp();
        assertEquals(500, thrpt.value(), 1e-9);
        assertEquals(50, thrpt.error(), 1e-9);
    }

    @Test
    void anUnknownUnitIsRejected() {
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
    }
}
