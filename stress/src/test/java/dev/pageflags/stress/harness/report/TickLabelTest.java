package dev.pageflags.stress.harness.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TickLabelTest {
    @Test
    void tickLabelsAreShort() {
        assertEquals("0.01", TickLabel.of(0.01));
        assertEquals("1", TickLabel.of(1));
        assertEquals("100", TickLabel.of(100));
        assertEquals("1k", TickLabel.of(1_000));
        assertEquals("100k", TickLabel.of(100_000));
        assertEquals("1M", TickLabel.of(1_000_000));
    }
}
