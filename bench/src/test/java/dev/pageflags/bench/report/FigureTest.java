package dev.pageflags.bench.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FigureTest {

    @Test
    void intervalEndsFallBackToTheValueWithoutAnError() {
        assertEquals(9, new Figure(10, 1).low(), 1e-12);
        assertEquals(11, new Figure(10, 1).high(), 1e-12);
        assertEquals(10, Figure.exact(10).low(), 1e-12);
        assertEquals(10, Figure.exact(10).high(), 1e-12);
    }

    @Test
    void theValueIsPrintedToItsErrorsLastDigit() {
        assertEquals("6.3 ± 0.2", new Figure(6.3149, 0.21).format());
        assertEquals("0.331 ± 0.004", new Figure(0.3314, 0.0041).format());
        assertEquals("2.31 ± 0.05", new Figure(2.3149, 0.049).format());
        assertEquals("23.1 ± 1.2", new Figure(23.14, 1.23).format(), "a leading 1 keeps a second digit");
        assertEquals("12,300 ± 700", new Figure(12345.4, 678.4).format(), "an error in hundreds rounds the value");
        assertEquals("250.0 ± 0.5", new Figure(250, 0.5).format());
        assertEquals("3.100 ± 0.004", new Figure(3.1, 0.0041).format());
        assertEquals("0.20 ± 0.10", new Figure(0.2, 0.096).format(), "0.096 rounds up to a leading 1: two digits");
        assertEquals("10 ± 2", new Figure(10.2, 1.96).format(), "1.96 rounds to 2: one digit");
    }

    @Test
    void neverPlusMinusZeroPointZeroZero() {
        assertEquals("2.00 ± 0", new Figure(2, 0).format(), "a zero error is a zero, not 0.00");
        assertEquals("2.000000 ± 0.000003", new Figure(2, 0.000003).format(), "a tiny error gets its digit");
        assertEquals("0.0031 ± 0.0002", new Figure(0.00312, 0.00021).format());
        for (double error : new double[] {1e-7, 0.004, 0.049, 0.5, 3, 70, 1234}) {
            String f = new Figure(1.0, error).format();
            assertFalse(f.matches(".*± 0(\\.0+)?$"), f);
        }
    }

    @Test
    void unknownErrorsAreMarkedAndValuesKeepThreeDigits() {
        assertEquals("7.95 ± ?", Figure.exact(7.9507).format());
        assertEquals("0.00312 ± ?", Figure.exact(0.003123).format());
        assertEquals("12,345 ± ?", Figure.exact(12345.4).format());
    }

    @Test
    void moreThanHalfTheValueIsUnstable() {
        assertFalse(new Figure(10, 5).isUnstable(), "exactly half is still stable");
        assertTrue(new Figure(10, 5.01).isUnstable());
        assertFalse(Figure.exact(10).isUnstable());
        assertEquals("4,000 ± 7,000 **unstable**", new Figure(3618, 7358).formatMarked());
        assertEquals("44 ± 3", new Figure(44.1, 3.2).formatMarked());
    }

    @Test
    void intervalsPrintWithTheDigitsOfTheirNearerEnd() {
        assertEquals("1.33x [1.25, 1.41]", Interval.format(1.3312, "x", new Interval(1.2498, 1.4102)));
        assertEquals("1.10x [0.98, 5.00]", Interval.format(1.1, "x", new Interval(0.98, 5.0)),
                "a long upper tail does not round the point away");
        assertEquals("2.00x [2.00, 2.00]", Interval.format(2, "x", new Interval(2, 2)));
        assertEquals("4.50x, no interval", Interval.format(4.5, "x", null));
        assertEquals("1.0x [0.4, 1.9] **unstable**", Interval.formatMarked(1.0, "x", new Interval(0.4, 1.9)));
    }
}
