package dev.pageflags.bench.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BootstrapTest {

    @Test
    void identicalForksGiveAZeroWidthInterval() {
        Interval i = Bootstrap.ratio(List.of(6.0, 6.0, 6.0, 6.0, 6.0), List.of(3.0, 3.0, 3.0), "k").orElseThrow();
        assertEquals(2.0, i.low(), 0);
        assertEquals(2.0, i.high(), 0);
    }

    /**
     * Numerator forks {1, 1, 1, 1, 3} over a constant 2: a resample's mean is 1 + 2k/5 with k, the
     * number of 3s drawn, Binomial(5, 1/5). P(k = 0) is 0.33, so the 0.5% quantile is k = 0 (ratio
     * 0.5); P(k >= 4) is 0.0067 and P(k = 5) 0.0003, so the 99.5% quantile is k = 4 (ratio 1.3).
     */
    @Test
    void aKnownCaseGivesItsExactQuantiles() {
        Interval i = Bootstrap.ratio(List.of(1.0, 1.0, 1.0, 1.0, 3.0), List.of(2.0, 2.0, 2.0), "known").orElseThrow();
        assertEquals(0.5, i.low(), 1e-12);
        assertEquals(1.3, i.high(), 1e-12);
    }

    @Test
    void theIntervalIsReproducibleAndWidensWithTheSpread() {
        List<Double> num = List.of(10.0, 10.4, 9.7, 10.1, 9.9);
        List<Double> den = List.of(5.0, 5.1, 4.9, 5.0, 5.05);
        assertEquals(Bootstrap.ratio(num, den, "a/b"), Bootstrap.ratio(num, den, "a/b"), "same input, same interval");
        Interval narrow = Bootstrap.ratio(num, den, "a/b").orElseThrow();
        Interval wide = Bootstrap.ratio(List.of(8.0, 12.0, 9.0, 11.0, 10.0), den, "a/b").orElseThrow();
        assertTrue(narrow.contains(2.0), narrow::toString);
        assertTrue(wide.high() - wide.low() > 2 * (narrow.high() - narrow.low()), wide + " vs " + narrow);
    }

    @Test
    void tooFewForksOnEitherSideGiveNoInterval() {
        List<Double> five = List.of(1.0, 1.1, 0.9, 1.0, 1.0);
        assertTrue(Bootstrap.ratio(List.of(1.0, 1.1), five, "k").isEmpty(), "two forks: no interval");
        assertTrue(Bootstrap.ratio(five, List.of(1.0), "k").isEmpty(), "one fork: no interval");
        assertTrue(Bootstrap.ratio(List.of(1.0, 1.1, 1.2), five, "k").isPresent(), "three forks suffice");
        assertTrue(Bootstrap.mean(List.of(), "k").isEmpty());
        assertTrue(Bootstrap.ratio(List.of(1.0, Double.NaN, 1.0), five, "k").isEmpty(), "a NaN fork: no interval");
    }

    @Test
    void differenceAndMeanUseTheSameResampling() {
        Interval d = Bootstrap.difference(List.of(5.0, 5.0, 5.0), List.of(2.0, 2.0, 2.0), "k").orElseThrow();
        assertEquals(new Interval(3.0, 3.0), d);
        Interval m = Bootstrap.mean(List.of(1.0, 1.0, 1.0, 1.0, 3.0), "k").orElseThrow();
        assertEquals(1.0, m.low(), 1e-12);
        assertEquals(2.6, m.high(), 1e-12);
    }
}
