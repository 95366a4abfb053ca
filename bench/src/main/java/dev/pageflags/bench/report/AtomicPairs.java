package dev.pageflags.bench.report;

import java.util.List;

import static dev.pageflags.bench.report.AtomicPair.Kind.CONTENDED;
import static dev.pageflags.bench.report.AtomicPair.Kind.LATENCY;
import static dev.pageflags.bench.report.AtomicPair.Kind.LOST_UPDATES;
import static dev.pageflags.bench.report.AtomicPair.Kind.THROUGHPUT;

/**
 * The rows of the report's atomic vs non-atomic table. Every id names a benchmark of this module and
 * every counter a field of its {@code @AuxCounters} state (BenchmarkCatalogTest checks both).
 */
public final class AtomicPairs {
    private AtomicPairs() {
    }

    public static List<AtomicPair> all() {
        return List.of(
                new AtomicPair("set_bit vs __set_bit",
                        new AtomicPair.Measure(LATENCY, "FlagOpsBench.setBit", "FlagOpsBench.__setBit"),
                        new AtomicPair.Measure(THROUGHPUT, "IndependentWordsBench.setBit",
                                "IndependentWordsBench.__setBit")),
                new AtomicPair("clear_bit vs __clear_bit",
                        new AtomicPair.Measure(LATENCY, "FlagOpsBench.clearBit", "FlagOpsBench.__clearBit")),
                // LostUpdateBench's threads each set then clear their own bit: the pair is the round of both.
                new AtomicPair("set_bit + clear_bit vs __set_bit + __clear_bit",
                        new AtomicPair.Measure(CONTENDED, "LostUpdateBench.setBit", "LostUpdateBench.__setBit"),
                        new AtomicPair.Measure(LOST_UPDATES, "LostUpdateBench.setBit", "LostUpdateBench.__setBit")));
    }
}
