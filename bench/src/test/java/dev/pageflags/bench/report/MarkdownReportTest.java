package dev.pageflags.bench.report;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownReportTest {
    private static final List<RatioSpec> RATIOS = List.of(
            RatioSpec.target("Targets", "set_bit / lock or", "FlagOpsBench.setBit", "native:lock_or", 1.5,
                    "a CAS loop | not one instruction"),
            RatioSpec.target("Targets", "set_bit / getAndBitwiseOr", "FlagOpsBench.setBit",
                    "JvmFloorBench.getAndBitwiseOr", 1.1, "not merged yet"),
            RatioSpec.info("Sharing", "same line / apart", "FalseSharingBench.setBit:wordsPerPage=1",
                    "FalseSharingBench.setBit:wordsPerPage=8", "false sharing"));

    private static final List<AtomicPair> PAIRS = List.of(
            new AtomicPair("set_bit vs __set_bit",
                    new AtomicPair.Measure(AtomicPair.Kind.LATENCY, "FlagOpsBench.setBit", "FlagOpsBench.__setBit"),
                    new AtomicPair.Measure(AtomicPair.Kind.THROUGHPUT, "IndependentWordsBench.setBit",
                            "IndependentWordsBench.__setBit")),
            new AtomicPair("set_bit + clear_bit vs __set_bit + __clear_bit",
                    new AtomicPair.Measure(AtomicPair.Kind.LOST_UPDATES, "LostUpdateBench.setBit",
                            "LostUpdateBench.__setBit")));

    private static String render(ResultSet run) {
        return new MarkdownReport(RATIOS, PAIRS).render(run);
    }

    private static ResultSet run() {
        return Fixtures.run(Fixtures.floor(Map.of("lock_or", new double[] {2.0, 2.0, 2.0})),
                Fixtures.entry("dev.pageflags.bench.FlagOpsBench.setBit", 9.0, 0.3),
                Fixtures.entry("dev.pageflags.bench.FalseSharingBench.setBit", 2, 60.0, 4.0, "ns/op",
                        Map.of("wordsPerPage", "1"), Map.of("setBitA", 55.0, "setBitB", 65.0)));
    }

    /** Five forks everywhere: latency, throughput, lost updates, and a JVM floor. */
    private static ResultSet fiveForkRun() {
        return Fixtures.run(Fixtures.floor(Map.of("lock_or", new double[] {2.05, 1.95, 2, 2.025, 1.975})),
                Fixtures.forked("dev.pageflags.bench.FlagOpsBench.setBit", 3.3, 3.4, 3.3, 3.2, 3.3),
                Fixtures.forked("dev.pageflags.bench.FlagOpsBench.__setBit", 2.0, 2.1, 2.0, 1.9, 2.0),
                Fixtures.forked("dev.pageflags.bench.IndependentWordsBench.setBit", 3.0, 3.1, 3.0, 2.9, 3.0),
                Fixtures.forked("dev.pageflags.bench.IndependentWordsBench.__setBit", 0.5, 0.5, 0.6, 0.5, 0.4),
                Fixtures.forked("dev.pageflags.bench.LostUpdateBench.setBit",
                        Map.of("lostUpdates", new double[] {0, 0, 0, 0, 0},
                                "ops", new double[] {1e8, 1e8, 1e8, 1e8, 1e8}),
                        30, 31, 30, 29, 30),
                Fixtures.forked("dev.pageflags.bench.LostUpdateBench.__setBit",
                        Map.of("lostUpdates", new double[] {100, 120, 80, 100, 100},
                                "ops", new double[] {1e6, 1e6, 1e6, 1e6, 1e6}),
                        15, 16, 15, 14, 15),
                Fixtures.forked("dev.pageflags.bench.JvmFloorBench.getAndBitwiseOr", 3.0, 3.1, 3.0, 2.9, 3.0));
    }

    @Test
    void theHeaderSaysHowIntervalsAndVerdictsAreMade() {
        String md = render(run());
        assertTrue(md.contains("99% percentile bootstrap over forks"), md);
        assertTrue(md.contains("10,000 times, seed " + Bootstrap.SEED), md);
        assertTrue(md.contains("`met` when the whole interval is at or below T"), md);
        assertTrue(md.contains("`inconclusive` when T lies inside it"), md);
        assertTrue(md.contains("**unstable**"), md);
    }

    @Test
    void aSingleForkRatioIsShownButNotGraded() {
        String md = render(run());
        assertTrue(md.contains("| set_bit / lock or | 9.0 ± 0.3<br>`FlagOpsBench.setBit` | 2.00 ± 0<br>`native:lock_or`"
                + " | 4.50x, no interval | ≤ 1.5x | no-interval (needs 3 forks, or floor rounds, a side) |"), md);
        assertTrue(md.contains("a CAS loop \\| not one instruction"), "a pipe in a cell must be escaped");
    }

    @Test
    void everyTargetIsGradedFromItsInterval() {
        String md = render(fiveForkRun());
        assertTrue(md.contains("| set_bit / lock or |"), md);
        assertTrue(md.contains("| ≤ 1.5x | inconclusive (≤ 1.5x lies inside the interval) |")
                || md.contains("| ≤ 1.5x | **missed**"), md);
        assertTrue(md.contains("| set_bit / getAndBitwiseOr |"), md);
        assertTrue(md.contains("| ≤ 1.1x | met |") || md.contains("| ≤ 1.1x | inconclusive"), md);
    }

    @Test
    void missingBenchmarksAreNotRunRowsNotACrash() {
        String md = render(run());
        assertTrue(md.contains("| set_bit / getAndBitwiseOr | 9.0 ± 0.3<br>`FlagOpsBench.setBit` | n/a<br>"
                + "`JvmFloorBench.getAndBitwiseOr` | not run: no `JvmFloorBench.getAndBitwiseOr` in this run | ≤ 1.1x"
                + " | not run |"), md);
        assertTrue(md.contains("## JVM floor\n\nNot run: this run has no `JvmFloorBench` results."), md);
        assertTrue(md.contains("| throughput, independent words, ns/op<br>`IndependentWordsBench.setBit` /"
                + " `IndependentWordsBench.__setBit` | not run: no `IndependentWordsBench.setBit`,"
                + " `IndependentWordsBench.__setBit` in this run |"), md);
        String noFloor = render(Fixtures.run(null, Fixtures.entry("dev.pageflags.bench.FlagOpsBench.setBit", 9.0, 0.3)));
        assertTrue(noFloor.contains("## Native floor\n\nNot run: no `native-floor.json`"), noFloor);
    }

    @Test
    void bothFloorsHaveTheirSections() {
        String md = render(fiveForkRun());
        int jvm = md.indexOf("## JVM floor");
        int nat = md.indexOf("## Native floor");
        int rest = md.indexOf("## Benchmarks");
        assertTrue(jvm > 0 && nat > jvm && rest > nat, md);
        assertTrue(md.substring(jvm, nat).contains("| `getAndBitwiseOr` |"), md);
        assertFalse(md.substring(rest).contains("### JvmFloorBench"), "the JVM floor is listed once, as the floor");
        assertTrue(md.substring(nat, rest).contains("| `native:lock_or` | `lock_or (mem)` | 2.0 ± 0.2 | 5 rounds: 1.95 to 2.05 |"),
                md.substring(nat, rest));
    }

    @Test
    void theAtomicTableShowsLatencyThroughputAndLostUpdates() {
        String md = render(fiveForkRun());
        int start = md.indexOf("## Atomic vs non-atomic");
        String table = md.substring(start, md.indexOf("## JVM floor"));
        assertTrue(table.contains("| set_bit vs __set_bit | latency, one word, ns/op<br>`FlagOpsBench.setBit` /"
                + " `FlagOpsBench.__setBit` | 3.30 ± 0.03 | 2.00 ± 0.02 | 1.65x ["), table);
        assertTrue(table.contains("| throughput, independent words, ns/op"), table);
        assertTrue(table.contains("x [") && table.contains(" ns ["), "ratios and savings with intervals: " + table);
        assertTrue(table.contains("| set_bit + clear_bit vs __set_bit + __clear_bit | lost updates per million"
                + " operations, 2 threads on two bits of one word<br>`LostUpdateBench.setBit` /"
                + " `LostUpdateBench.__setBit` | 0 (0 of 500,000,000) | 100 ["), table);
        assertTrue(table.contains("(500 of 5,000,000)"), table);
    }

    @Test
    void benchmarksShowForkSpreadCountersAndUnstableFigures() {
        String md = render(fiveForkRun());
        assertTrue(md.contains("| `setBit` | set_bit: release CAS loop | 1 | 3.30 ± 0.03 | 5 forks: 3.20 to 3.40 |"), md);
        assertTrue(md.contains("lostUpdates: 500 #<br>ops: 5,000,000 #"), md);
        String unstable = render(Fixtures.run(null,
                Fixtures.entry("dev.pageflags.bench.LockHandOffBench.reentrantLockFair", 3618, 7358)));
        assertTrue(unstable.contains("| 4,000 ± 7,000 **unstable** |"), unstable);
    }

    @Test
    void listsBenchmarksBySectionWithDescriptionsAndPerThreadFigures() {
        String md = render(run());
        assertTrue(md.contains("### FlagOpsBench"), md);
        assertTrue(md.contains("| `setBit:wordsPerPage=1` | set_bit on its own page | 2 | 60 ± 4 | 1 fork: 60 | "
                + "setBitA: 55 ± 4<br>setBitB: 65 ± 4 |"), md);
    }

    @Test
    void sectionsFollowTheCatalogNotJmhsAlphabeticalOrder() {
        ResultSet run = Fixtures.run(null,
                Fixtures.entry("dev.pageflags.bench.FalseSharingBench.setBit", 2, 60.0, 4.0, "ns/op",
                        Map.of("wordsPerPage", "1"), Map.of()),
                Fixtures.entry("dev.pageflags.bench.FlagOpsBench.setBit", 9.0, 0.3),
                Fixtures.entry("dev.pageflags.bench.FlagOpsBench.baseline", 0.4, 0.01));
        String md = render(run);
        assertTrue(md.indexOf("### FlagOpsBench") < md.indexOf("### FalseSharingBench"), md);
        assertTrue(md.indexOf("| `baseline`") < md.indexOf("| `setBit` |"), md);
    }

    @Test
    void aSmokeRunIsFlagged() {
        String smoke = Fixtures.jmh(Fixtures.entry("dev.pageflags.bench.FlagOpsBench.setBit", 9.0, 0.3))
                .replace("\"warmupIterations\":3", "\"warmupIterations\":0")
                .replace("\"measurementIterations\":5", "\"measurementIterations\":1");
        String md = render(new ResultSet(JmhJson.parse(smoke), Optional.empty()));
        assertTrue(md.contains("**Smoke run**"), md);
        assertTrue(md.contains("no native floor"), md);
        assertFalse(render(run()).contains("Smoke run"));
    }
}
