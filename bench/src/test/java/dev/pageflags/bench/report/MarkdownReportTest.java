package dev.pageflags.bench.report;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownReportTest {
    private static final List<RatioSpec> RATIOS = List.of(
            RatioSpec.target("Targets", "set_bit / lock or", "FlagOpsBench.setBit", "native:lock_or", 1.5,
                    "a CAS loop | not one instruction"),
            RatioSpec.info("Sharing", "same line / apart", "FalseSharingBench.setBit:wordsPerPage=1",
                    "FalseSharingBench.setBit:wordsPerPage=8", "false sharing"));

    private static ResultSet run() {
        return Fixtures.run(Fixtures.floor(Map.of("lock_or", new double[] {2.0, 2.0, 2.0})),
                Fixtures.entry("dev.pageflags.bench.FlagOpsBench.setBit", 9.0, 0.3),
                Fixtures.entry("dev.pageflags.bench.FalseSharingBench.setBit", 2, 60.0, 4.0, "ns/op",
                        Map.of("wordsPerPage", "1"), Map.of("setBitA", 55.0, "setBitB", 65.0)));
    }

    @Test
    void showsEachRatioWithBothSidesItsTargetAndVerdict() {
        String md = new MarkdownReport(RATIOS).render(run());
        assertTrue(md.contains("## Targets"), md);
        assertTrue(md.contains("| set_bit / lock or | 9.00 ± 0.30<br>`FlagOpsBench.setBit` | 2.00 ± "), md);
        assertTrue(md.contains("4.50x ± "), md);
        assertTrue(md.contains("**missed: 3.00x the target**"), md);
        assertTrue(md.contains("a CAS loop \\| not one instruction"), "a pipe in a cell must be escaped");
    }

    @Test
    void aRatioWithAMissingSideSaysSo() {
        String md = new MarkdownReport(RATIOS).render(run());
        assertTrue(md.contains("| same line / apart | 60.0 ± 4.0<br>`FalseSharingBench.setBit:wordsPerPage=1` | n/a"
                + "<br>`FalseSharingBench.setBit:wordsPerPage=8` | n/a |"), md);
    }

    @Test
    void listsBenchmarksBySectionWithDescriptionsAndPerThreadFigures() {
        String md = new MarkdownReport(RATIOS).render(run());
        assertTrue(md.contains("### FlagOpsBench"), md);
        assertTrue(md.contains("| `setBit` | set_bit: release CAS loop | 1 | 9.00 ± 0.30 |  |"), md);
        assertTrue(md.contains("| `setBit:wordsPerPage=1` | set_bit on its own page | 2 | 60.0 ± 4.0 | "
                + "setBitA: 55.0 ± 4.0<br>setBitB: 65.0 ± 4.0 |"), md);
        assertTrue(md.contains("| `native:lock_or` | `lock_or (mem)` | 2.00 ± "), md);
    }

    @Test
    void sectionsFollowTheCatalogNotJmhsAlphabeticalOrder() {
        ResultSet run = Fixtures.run(null,
                Fixtures.entry("dev.pageflags.bench.FalseSharingBench.setBit", 2, 60.0, 4.0, "ns/op",
                        Map.of("wordsPerPage", "1"), Map.of()),
                Fixtures.entry("dev.pageflags.bench.FlagOpsBench.setBit", 9.0, 0.3),
                Fixtures.entry("dev.pageflags.bench.FlagOpsBench.baseline", 0.4, 0.01));
        String md = new MarkdownReport(RATIOS).render(run);
        assertTrue(md.indexOf("### FlagOpsBench") < md.indexOf("### FalseSharingBench"), md);
        assertTrue(md.indexOf("| `baseline`") < md.indexOf("| `setBit` |"), md);
    }

    @Test
    void aSmokeRunIsFlaggedAndAMissingFloorExplained() {
        String smoke = Fixtures.jmh(Fixtures.entry("dev.pageflags.bench.FlagOpsBench.setBit", 9.0, 0.3))
                .replace("\"warmupIterations\": 3", "\"warmupIterations\": 0")
                .replace("\"measurementIterations\": 5", "\"measurementIterations\": 1");
        String md = new MarkdownReport(RATIOS).render(new ResultSet(JmhJson.parse(smoke), java.util.Optional.empty()));
        assertTrue(md.contains("**Smoke run**"), md);
        assertTrue(md.contains("no native floor"), md);
        assertTrue(md.contains("Not measured in this run"), md);
        assertFalse(new MarkdownReport(RATIOS).render(run()).contains("Smoke run"));
    }
}
