package dev.pageflags.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogScaleTest {
    private static final double EPS = 1e-9;

    @Test
    void coversWholeDecadesAroundTheValues() {
        LogScale s = LogScale.covering(List.of(0.32, 45.0, Double.NaN, -1.0), 0, 300);
        assertEquals(-1, s.minExp());
        assertEquals(2, s.maxExp());
        assertEquals(List.of(0.1, 1.0, 10.0, 100.0), s.decades());
    }

    @Test
    void exactDecadesDoNotWidenTheCoveringScale() {
        LogScale s = LogScale.covering(List.of(1.0, 100.0), 0, 200);
        assertEquals(0, s.minExp());
        assertEquals(2, s.maxExp());
    }

    @Test
    void belowSmallestKeepsEveryPositiveValueOffTheFloor() {
        LogScale s = LogScale.belowSmallest(List.of(0.0, 1.0, 50.0), 0, 300);
        assertEquals(-1, s.minExp(), "a rate of exactly 1 must not land where zero does");
        assertEquals(0, s.x(0), EPS);
        assertEquals(100, s.x(1.0), EPS);
        LogScale wide = LogScale.belowSmallest(List.of(0.0, 6.732, 285_714.286), 100, 700);
        assertEquals(0, wide.minExp());
        assertEquals(6, wide.maxExp());
        assertEquals(400, wide.x(1_000), EPS, "three of six decades: half way");
    }

    @Test
    void mapsLogarithmicallyAndPinsOutliers() {
        LogScale s = new LogScale(0, 2, 100, 300);
        assertEquals(100, s.x(1), EPS);
        assertEquals(200, s.x(10), EPS);
        assertEquals(300, s.x(100), EPS);
        assertEquals(300, s.x(1e6), EPS);
        assertEquals(100, s.x(0), EPS);
        assertEquals(100, s.x(-3), EPS);
        double last = -1;
        for (double v = 1; v <= 100; v *= 1.7) {
            assertTrue(s.x(v) > last, "x(" + v + ")");
            last = s.x(v);
        }
    }

    @Test
    void noPositiveValueStillGivesAScale() {
        assertEquals(List.of(1.0, 10.0), LogScale.covering(List.of(), 0, 1).decades());
        LogScale zeros = LogScale.belowSmallest(List.of(0.0, 0.0), 0, 100);
        assertEquals(-1, zeros.minExp());
        assertEquals(0, zeros.maxExp());
    }

    @Test
    void anEmptyScaleIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LogScale(2, 2, 0, 1));
    }
}
