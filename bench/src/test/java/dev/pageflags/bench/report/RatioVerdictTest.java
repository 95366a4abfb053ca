package dev.pageflags.bench.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RatioVerdictTest {

    @Test
    void theWholeIntervalDecides() {
        assertEquals(RatioVerdict.MET, RatioVerdict.of(1.5, new Interval(1.1, 1.4)));
        assertEquals(RatioVerdict.MET, RatioVerdict.of(1.5, new Interval(1.1, 1.5)), "at the target is met");
        assertEquals(RatioVerdict.MISSED, RatioVerdict.of(1.5, new Interval(1.51, 1.9)));
        assertEquals(RatioVerdict.INCONCLUSIVE, RatioVerdict.of(1.5, new Interval(1.3, 1.6)),
                "a point below the target with an interval above it is not a pass");
        assertEquals(RatioVerdict.INCONCLUSIVE, RatioVerdict.of(1.5, new Interval(1.45, 1.55)));
        assertEquals(RatioVerdict.INCONCLUSIVE, RatioVerdict.of(1.5, new Interval(1.5, 1.7)),
                "an interval starting at the target is not wholly above it");
    }

    @Test
    void noIntervalNoGradeAndNoTargetNoGrade() {
        assertEquals(RatioVerdict.NO_INTERVAL, RatioVerdict.of(1.5, null));
        assertEquals(RatioVerdict.INFO, RatioVerdict.of(null, new Interval(1, 2)));
        assertEquals(RatioVerdict.INFO, RatioVerdict.of(null, null));
    }

    @Test
    void labelsAreTheWordsOfRatiosJson() {
        assertEquals("met", RatioVerdict.MET.label());
        assertEquals("missed", RatioVerdict.MISSED.label());
        assertEquals("inconclusive", RatioVerdict.INCONCLUSIVE.label());
        assertEquals("info", RatioVerdict.INFO.label());
        assertEquals("no-interval", RatioVerdict.NO_INTERVAL.label());
    }
}
