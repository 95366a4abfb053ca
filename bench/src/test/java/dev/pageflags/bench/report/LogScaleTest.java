package dev.pageflags.bench.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LogScaleTest {

    @Test
    void coversWholeDecadesAroundTheValues() {
        LogScale s = LogScale.covering(List.of(0.32, 45.0, Double.NaN, -1.0), 0, 300);
        assertEquals(-1, s.minExp());
        assertEquals(2, s.maxExp());
        assertEquals(List.of(0.1, 1.0, 10.0, 100.0), s.decades());
    }

    @Test
    void exactDecadesDoNotWidenTheScale() {
        LogScale s = LogScale.covering(List.of(1.0, 100.0), 0, 200);
        assertEquals(0, s.minExp());
        assertEquals(2, s.maxExp());
    }

    @Test
    void mapsLogarithmicallyAndPinsOutliers() {
        LogScale s = new LogScale(0, 2, 100, 300);
        assertEquals(100, s.x(1), 1e-9);
        assertEquals(200, s.x(10), 1e-9);
        assertEquals(300, s.x(100), 1e-9);
        assertEquals(300, s.x(1e6), 1e-9);
        assertEquals(100, s.x(0), 1e-9);
    }

    @Test
    void noValuesStillGiveAScale() {
        assertEquals(List.of(1.0, 10.0), LogScale.covering(List.of(), 0, 1).decades());
    }

    @Test
    void labels() {
        assertEquals("0.1 ns", LogScale.label(0.1, "ns"));
        assertEquals("100 ns", LogScale.label(100, "ns"));
        assertEquals("10 \u00b5s", LogScale.label(1e4, "ns"));
        assertEquals("1 ms", LogScale.label(1e6, "ns"));
        assertEquals("0.01x", LogScale.label(0.01, "x"));
    }
}
