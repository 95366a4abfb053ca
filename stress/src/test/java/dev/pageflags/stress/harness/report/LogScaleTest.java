package dev.pageflags.stress.harness.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogScaleTest {
    private static final double EPS = 1e-9;

    @Test
    void spansADecadeBelowTheSmallestRateToTheDecadeAboveTheLargest() {
        LogScale scale = LogScale.of(List.of(0.0, 6.732, 285_714.286), 100, 600);
        assertEquals(0, scale.floorExponent());
        assertEquals(6, scale.ceilingExponent());
        assertEquals(100, scale.position(1), EPS);
        assertEquals(700, scale.position(1_000_000), EPS);
        assertEquals(400, scale.position(1_000), EPS, "three of six decades: half way");
        assertEquals(100 + 600 * Math.log10(6.732) / 6, scale.position(6.732), EPS);
        assertEquals(List.of(1.0, 10.0, 100.0, 1_000.0, 10_000.0, 100_000.0, 1_000_000.0), scale.ticks());
    }

    @Test
    void zeroSitsOnTheFloorAndNoPositiveRateDoes() {
        LogScale scale = LogScale.of(List.of(0.0, 1.0, 50.0), 0, 300);
        assertEquals(-1, scale.floorExponent(), "a rate of exactly 1 must not land where zero does");
        assertEquals(0, scale.position(0), EPS);
        assertTrue(scale.position(1.0) > scale.position(0));
        assertEquals(100, scale.position(1.0), EPS);
    }

    @Test
    void isMonotonicAndClampedToTheAxis() {
        LogScale scale = LogScale.of(List.of(0.5, 2_000.0), 10, 400);
        double last = -1;
        for (double v = 0.5; v <= 2_000; v *= 1.7) {
            double x = scale.position(v);
            assertTrue(x > last, "position(" + v + ")");
            last = x;
        }
        assertEquals(410, scale.position(1e12), EPS);
        assertEquals(10, scale.position(-3), EPS);
    }

    @Test
    void allZeroRatesStillGiveAFiniteAxis() {
        LogScale scale = LogScale.of(List.of(0.0, 0.0), 0, 100);
        assertEquals(-1, scale.floorExponent());
        assertEquals(0, scale.ceilingExponent());
        assertEquals(0, scale.position(0), EPS);
    }

    @Test
    void tickLabelsAreShort() {
        assertEquals("0.01", LogScale.tickLabel(0.01));
        assertEquals("1", LogScale.tickLabel(1));
        assertEquals("100", LogScale.tickLabel(100));
        assertEquals("1k", LogScale.tickLabel(1_000));
        assertEquals("100k", LogScale.tickLabel(100_000));
        assertEquals("1M", LogScale.tickLabel(1_000_000));
    }
}
