package dev.pageflags.bench.report;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RatioSpecTest {
    private static final RatioSpec TARGET = RatioSpec.target("T", "set / lock or", "FlagOpsBench.setBit",
            "native:lock_or", 1.5, "CAS loop");

    /** A five-fork numerator over a floor of five rounds. */
    private static ResultSet fiveForks(double... setBitForks) {
        return Fixtures.run(Fixtures.floor(Map.of("lock_or", new double[] {2, 2, 2, 2, 2})),
                Fixtures.forked("dev.pageflags.bench.FlagOpsBench.setBit", setBitForks));
    }

    @Test
    void dividesAJmhFigureByANativeOneWithAForkLevelInterval() {
        RatioResult r = TARGET.evaluate(fiveForks(2.0, 2.2, 2.4, 2.6, 2.8)).orElseThrow();
        assertEquals(1.2, r.ratio(), 1e-12);
        Interval i = r.intervalIfAny().orElseThrow();
        assertTrue(i.low() > 1.0 && i.low() < 1.2 && i.high() > 1.2 && i.high() < 1.4, i::toString);
        assertEquals(RatioVerdict.MET, r.verdict());
    }

    @Test
    void theVerdictComesFromTheIntervalNotThePoint() {
        RatioResult straddles = TARGET.evaluate(fiveForks(2.0, 2.4, 2.9, 3.4, 3.8)).orElseThrow();
        assertTrue(straddles.ratio() < 1.5, "the point alone would pass");
        assertEquals(RatioVerdict.INCONCLUSIVE, straddles.verdict(), straddles::format);
        assertTrue(straddles.verdictText().startsWith("inconclusive"));
        RatioResult missed = TARGET.evaluate(fiveForks(4.0, 4.1, 4.0, 3.9, 4.0)).orElseThrow();
        assertEquals(RatioVerdict.MISSED, missed.verdict());
        assertEquals("**missed** (1.33x the target)", missed.verdictText());
    }

    @Test
    void aSmokeRunsSingleForkGivesNoIntervalAndNoGrade() {
        ResultSet smoke = Fixtures.run(Fixtures.floor(Map.of("lock_or", new double[] {2.0, 2.0, 2.0})),
                Fixtures.entry("dev.pageflags.bench.FlagOpsBench.setBit", 5.0, 0.5));
        RatioResult r = TARGET.evaluate(smoke).orElseThrow();
        assertEquals(2.5, r.ratio(), 1e-12);
        assertNull(r.interval());
        assertEquals(RatioVerdict.NO_INTERVAL, r.verdict());
        assertEquals("2.50x, no interval", r.format());
        assertEquals(RatioVerdict.INFO, RatioSpec.info("I", "x", "FlagOpsBench.setBit", "native:lock_or", "")
                .evaluate(smoke).orElseThrow().verdict());
    }

    @Test
    void theTwoForkReferenceRunGetsNoGrade() throws IOException {
        ResultSet reference = new ResultSet(JmhJson.parse(Files.readString(Fixtures.REFERENCE)), Optional.empty());
        RatioSpec lock = RatioSpec.target("T", "lock_page / ReentrantLock", "PageLockBench.lockPageUnlockPage",
                "PageLockBench.reentrantLock", 1.0, "");
        RatioResult r = lock.evaluate(reference).orElseThrow();
        assertEquals(2, reference.forks("PageLockBench.lockPageUnlockPage").size());
        assertEquals(RatioVerdict.NO_INTERVAL, r.verdict(), "two forks cannot estimate the spread between forks");
    }

    @Test
    void aSideThatWasNotMeasuredGivesNoRatio() {
        ResultSet withoutFloor = Fixtures.run(null, Fixtures.entry("dev.pageflags.bench.FlagOpsBench.setBit", 5, 0.5));
        assertTrue(TARGET.evaluate(withoutFloor).isEmpty());
        assertEquals("`native:lock_or`", withoutFloor.missing(TARGET.numerator(), TARGET.denominator()));
    }

    @Test
    void targetText() {
        assertEquals("\u2264 1.5x", TARGET.targetText());
        assertEquals("\u2264 1.0x", RatioSpec.target("T", "l", "a", "b", 1.0, "").targetText());
        assertEquals("", RatioSpec.info("I", "l", "a", "b", "").targetText());
    }
}
