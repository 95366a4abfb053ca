package dev.pageflags.bench.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AxisLabelTest {
    @Test
    void timesAndRatios() {
        assertEquals("0.1 ns", AxisLabel.of(0.1, "ns"));
        assertEquals("100 ns", AxisLabel.of(100, "ns"));
        assertEquals("10 \u00b5s", AxisLabel.of(1e4, "ns"));
        assertEquals("1 ms", AxisLabel.of(1e6, "ns"));
        assertEquals("0.01x", AxisLabel.of(0.01, "x"));
    }
}
