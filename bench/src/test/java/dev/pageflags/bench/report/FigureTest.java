package dev.pageflags.bench.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class FigureTest {

    @Test
    void ratioErrorsAddInQuadratureOnTheRelativeScale() {
        Figure r = new Figure(10, 1).ratioTo(new Figure(5, 0.5));
        assertEquals(2.0, r.value(), 1e-12);
        // 10% and 10% relative: sqrt(2) * 10% of 2.
        assertEquals(2.0 * Math.sqrt(0.02), r.error(), 1e-12);
    }

    @Test
    void anUnknownErrorOnEitherSideLeavesTheRatioErrorUnknown() {
        assertFalse(new Figure(10, Double.NaN).ratioTo(new Figure(5, 0.5)).hasError());
        assertFalse(new Figure(10, 1).ratioTo(Figure.exact(5)).hasError());
        assertEquals(2.0, Figure.exact(10).ratioTo(Figure.exact(5)).value(), 1e-12);
    }

    @Test
    void intervalEndsFallBackToTheValueWithoutAnError() {
        assertEquals(9, new Figure(10, 1).low(), 1e-12);
        assertEquals(11, new Figure(10, 1).high(), 1e-12);
        assertEquals(10, Figure.exact(10).low(), 1e-12);
        assertEquals(10, Figure.exact(10).high(), 1e-12);
    }

    @Test
    void formatsKeepThreeSignificantDigitsAndMarkUnknownErrors() {
        assertEquals("2.31 ± 0.05", new Figure(2.3149, 0.049).format());
        assertEquals("0.321 ± 0.004", new Figure(0.3214, 0.0041).format());
        assertEquals("23.1 ± 1.2", new Figure(23.14, 1.23).format());
        assertEquals("12,345 ± 678", new Figure(12345.4, 678.4).format());
        assertEquals("7.95 ± ?", Figure.exact(7.9507).format());
        assertEquals("2.00 ± 0.00", new Figure(2, 0).format());
        assertEquals("3.10 ± 0.004", new Figure(3.1, 0.0041).format());
        assertEquals("1.48x ± 0.06", new Figure(1.4812, 0.0617).formatRatio());
        assertEquals("46.2x ± ?", Figure.exact(46.2).formatRatio());
        assertEquals("0.0031x ± 0.0002", new Figure(0.00312, 0.00021).formatRatio());
    }

    @Test
    void smallErrorsOnLargeValuesGetTheirOwnDecimals() {
        assertEquals("250 ± 0.5", new Figure(250, 0.5).format());
    }
}
