package dev.pageflags.bench.report;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RatioSpecTest {
    private static final RatioSpec TARGET = RatioSpec.target("T", "set / lock or", "FlagOpsBench.setBit",
            "native:lock_or", 1.5, "CAS loop");

    private static ResultSet run(double setBit, double error) {
        return Fixtures.run(Fixtures.floor(Map.of("lock_or", new double[] {2.0, 2.0, 2.0})),
                Fixtures.entry("dev.pageflags.bench.FlagOpsBench.setBit", setBit, error));
    }

    @Test
    void dividesAJmhFigureByANativeOne() {
        Figure r = TARGET.evaluate(run(5.0, 0.5)).orElseThrow();
        assertEquals(2.5, r.value(), 1e-12);
        // The floor's three equal samples have no spread: only the numerator's 10% remains.
        assertEquals(0.25, r.error(), 1e-12);
    }

    @Test
    void verdictsSayByHowMuchATargetIsMissed() {
        assertEquals("met", TARGET.verdict(new Figure(1.2, 0.1)));
        assertEquals("met (within error)", TARGET.verdict(new Figure(1.45, 0.1)));
        assertEquals("missed within error (1.03x the target)", TARGET.verdict(new Figure(1.55, 0.1)));
        assertEquals("**missed: 2.00x the target**", TARGET.verdict(new Figure(3.0, 0.1)));
        assertEquals("met", TARGET.verdict(Figure.exact(1.5)));
        assertEquals("-", RatioSpec.info("I", "x", "a", "b", "").verdict(new Figure(9, 1)));
    }

    @Test
    void aSideThatWasNotMeasuredGivesNoRatio() {
        ResultSet withoutFloor = Fixtures.run(null, Fixtures.entry("dev.pageflags.bench.FlagOpsBench.setBit", 5, 0.5));
        assertTrue(TARGET.evaluate(withoutFloor).isEmpty());
        RatioSpec missing = RatioSpec.info("I", "x", "FlagOpsBench.nothing", "native:lock_or", "");
        assertTrue(missing.evaluate(run(5, 0.5)).isEmpty());
    }

    @Test
    void targetText() {
        assertEquals("\u2264 1.5x", TARGET.targetText());
        assertEquals("\u2264 1.0x", RatioSpec.target("T", "l", "a", "b", 1.0, "").targetText());
        assertEquals("", RatioSpec.info("I", "l", "a", "b", "").targetText());
    }
}
