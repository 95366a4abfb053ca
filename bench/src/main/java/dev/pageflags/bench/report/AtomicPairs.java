package dev.pageflags.bench.report;

import java.util.List;

/** The rows of the report's atomic vs non-atomic table. */
public final class AtomicPairs {
    private AtomicPairs() {
    }

    public static List<AtomicPair> all() {
        return List.of(
                new AtomicPair("set_bit vs __set_bit",
                        new AtomicPair.Ids("FlagOpsBench.setBit", "FlagOpsBench.__setBit"),
                        new AtomicPair.Ids("IndependentWordsBench.setBit", "IndependentWordsBench.__setBit"),
                        new AtomicPair.Ids("LostUpdateBench.setBit", "LostUpdateBench.__setBit")),
                new AtomicPair("clear_bit vs __clear_bit",
                        new AtomicPair.Ids("FlagOpsBench.clearBit", "FlagOpsBench.__clearBit"),
                        new AtomicPair.Ids("IndependentWordsBench.clearBit", "IndependentWordsBench.__clearBit"),
                        new AtomicPair.Ids("LostUpdateBench.clearBit", "LostUpdateBench.__clearBit")));
    }
}
