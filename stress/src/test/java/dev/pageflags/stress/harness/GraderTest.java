package dev.pageflags.stress.harness;

import dev.pageflags.mm.Variant;
import org.junit.jupiter.api.Test;
import org.openjdk.jcstress.annotations.Expect;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraderTest {
    private static final SuiteTest BROKEN = Fixtures.test("Race004_X.Broken", "004", Variant.BROKEN);
    private static final SuiteTest FIXED = Fixtures.test("Race004_X.Fixed", "004", Variant.FIXED);

    @Test
    void aBrokenVariantThatShowsItsBadStateReproduces() {
        TestVerdict v = Grader.grade(BROKEN, Fixtures.run(BROKEN, 25, 999_975));
        assertEquals(Verdict.REPRODUCED, v.verdict());
        assertEquals(1_000_000, v.samples());
        assertEquals(25, v.bad());
        assertEquals(25.0, v.ratePerMillion(), 1e-9);
        assertEquals(100_000.0, v.samplesPerSecond(), 1e-9);
        assertFalse(v.verdict().failsBuild());
    }

    @Test
    void aBrokenVariantThatNeverShowsItIsNotReproducedAndSaysHowToRaiseTheBudget() {
        TestVerdict v = Grader.grade(BROKEN, Fixtures.run(BROKEN, 0, 5000));
        assertEquals(Verdict.NOT_REPRODUCED, v.verdict());
        assertTrue(v.reason().contains("-Dstress.budget=tough -Dstress.test=Race004_X.Broken"), v.reason());
        assertTrue(v.verdict().failsBuild());
    }

    @Test
    void aFixedVariantThatNeverShowsItHolds() {
        TestVerdict v = Grader.grade(FIXED, Fixtures.run(FIXED, 0, 5000));
        assertEquals(Verdict.HELD, v.verdict());
        assertEquals(0, v.bad());
    }

    @Test
    void aFixedVariantThatShowsItFails() {
        TestVerdict v = Grader.grade(FIXED, Fixtures.run(FIXED, 3, 5000));
        assertEquals(Verdict.FAILED, v.verdict());
        assertEquals(3, v.bad());
        assertTrue(v.reason().contains("[true, false] x3 (waiter never woken)"), v.reason());
    }

    @Test
    void anyForbiddenOutcomeFailsABrokenVariantToo() {
        TestRun run = new TestRun(BROKEN.name(), "NORMAL", List.of(
                new OutcomeCount("true, false", Expect.ACCEPTABLE_INTERESTING, 10, "lost"),
                new OutcomeCount("true, true", Expect.FORBIDDEN, 2, "impossible")), List.of(), List.of(), 1);
        TestVerdict v = Grader.grade(BROKEN, run);
        assertEquals(Verdict.FAILED, v.verdict());
        assertEquals(10, v.bad());
        assertEquals(2, v.unexpectedForbidden());
    }

    @Test
    void anUngradedStateCountsAsForbidden() {
        TestRun run = new TestRun(FIXED.name(), "NORMAL", List.of(
                new OutcomeCount("false, true", Expect.ACCEPTABLE, 10, "fine"),
                new OutcomeCount("weird", Expect.UNKNOWN, 1, "not graded")), List.of(), List.of(), 1);
        assertEquals(Verdict.FAILED, Grader.grade(FIXED, run).verdict());
    }

    @Test
    void testAndVmErrorsFailWhateverTheCounts() {
        TestRun run = new TestRun(BROKEN.name(), "VM_ERROR", Fixtures.run(BROKEN, 10, 10).outcomes(),
                List.of("", "Exception in thread main: boom"), List.of(), 1);
        TestVerdict v = Grader.grade(BROKEN, run);
        assertEquals(Verdict.FAILED, v.verdict());
        assertTrue(v.reason().startsWith("JCStress reported VM_ERROR: Exception in thread main: boom"), v.reason());
    }

    @Test
    void aRunWithoutSamplesFails() {
        assertEquals(Verdict.FAILED, Grader.grade(FIXED, Fixtures.run(FIXED, 0, 0)).verdict());
    }

    @Test
    void skippedAndMissingTestsFailTheBuild() {
        TestVerdict skipped = Grader.skipped(FIXED, "needs 2 CPUs");
        assertEquals(Verdict.SKIPPED, skipped.verdict());
        assertTrue(skipped.verdict().failsBuild());
        assertEquals(-1, skipped.samplesPerSecond());
        assertEquals(0, skipped.ratePerMillion());
        assertEquals(Verdict.FAILED, Grader.failed(FIXED, "no result file").verdict());
    }

    @Test
    void staleIsTheBadStateOfTerminationTests() {
        SuiteTest t = Fixtures.termination("Race004_Sleep.Broken", Variant.BROKEN, Expect.ACCEPTABLE_INTERESTING);
        TestRun run = new TestRun(t.name(), "NORMAL", List.of(
                new OutcomeCount("TERMINATED", Expect.ACCEPTABLE, 40, "woken"),
                new OutcomeCount("STALE", Expect.ACCEPTABLE_INTERESTING, 1, "never woken")), List.of(), List.of(), 1);
        TestVerdict v = Grader.grade(t, run);
        assertEquals(Verdict.REPRODUCED, v.verdict());
        assertEquals(1, v.bad());
    }

    @Test
    void labelsAreTheSummarySpellings() {
        assertEquals("not-reproduced", Verdict.NOT_REPRODUCED.label());
        assertEquals("held", Verdict.HELD.label());
    }
}
