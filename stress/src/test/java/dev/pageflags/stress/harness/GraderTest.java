package dev.pageflags.stress.harness;

import dev.pageflags.mm.Variant;
import dev.pageflags.stress.LitmusTest.Lkmm;
import dev.pageflags.stress.LitmusTest.Tso;
import dev.pageflags.stress.RaceVariant;
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
    void aBrokenVariantThatShowsItsBadStateIsReproduced() {
        TestVerdict v = Grader.grade(BROKEN, Fixtures.run(BROKEN, 25, 999_975), true);
        assertEquals(Verdict.REPRODUCED, v.verdict());
        assertEquals(1_000_000, v.samples());
        assertEquals(25, v.bad());
        assertEquals(25.0, v.ratePerMillion(), 1e-9);
        assertEquals(100_000, v.samplesPerSecond(), 1e-9);
    }

    @Test
    void aBrokenVariantThatNeverShowsItIsNotReproduced() {
        TestVerdict v = Grader.grade(BROKEN, Fixtures.run(BROKEN, 0, 5000), true);
        assertEquals(Verdict.NOT_REPRODUCED, v.verdict());
        assertTrue(v.verdict().failsBuild());
        assertTrue(v.reason().contains("-Dstress.budget=tough -Dstress.test=Race004_X.Broken"), v.reason());
    }

    @Test
    void aFixedVariantHoldsOrFailsNamingTheState() {
        assertEquals(Verdict.HELD, Grader.grade(FIXED, Fixtures.run(FIXED, 0, 5000), true).verdict());
        TestVerdict v = Grader.grade(FIXED, Fixtures.run(FIXED, 3, 5000), true);
        assertEquals(Verdict.FAILED, v.verdict());
        assertEquals(3, v.bad());
        assertTrue(v.reason().contains("[true, false] x3 (waiter never woken)"), v.reason());
    }

    @Test
    void anUnforeseenStateFailsABrokenVariantThatAlsoReproduced() {
        TestVerdict v = Grader.grade(BROKEN, Fixtures.runWithUnforeseen(BROKEN, 25, 1000, 2), true);
        assertEquals(Verdict.FAILED, v.verdict());
        assertEquals(25, v.bad(), "only the declared bad state counts as bad");
        assertEquals(2, v.forbidden());
        assertTrue(v.reason().contains("[true, true] x2 (model error)"), v.reason());
    }

    @Test
    void anUngradedStateCountsAsForbidden() {
        TestRun run = new TestRun(FIXED.name(), "NORMAL", List.of(
                new OutcomeCount("false, true", Expect.ACCEPTABLE, 10, "fine"),
                new OutcomeCount("weird", Expect.UNKNOWN, 1, "not graded")), List.of(), List.of(), 1);
        assertEquals(Verdict.FAILED, Grader.grade(FIXED, run, true).verdict());
    }

    @Test
    void vmErrorsAndEmptyRunsAreErrorsNotFailures() {
        TestRun run = new TestRun(BROKEN.name(), "VM_ERROR", Fixtures.run(BROKEN, 10, 10).outcomes(),
                List.of("", "Exception in thread main: boom"), List.of(), 1);
        TestVerdict v = Grader.grade(BROKEN, run, true);
        assertEquals(Verdict.ERROR, v.verdict());
        assertEquals(Verdict.Effect.ERROR, v.verdict().effect());
        assertTrue(v.reason().startsWith("JCStress reported VM_ERROR: Exception in thread main: boom"), v.reason());
        assertEquals(Verdict.ERROR, Grader.grade(FIXED, Fixtures.run(FIXED, 0, 0), true).verdict());
    }

    @Test
    void aSafeByCoherenceClaimHoldsUnderItsOwnWord() {
        SuiteTest safe = Fixtures.test("Race003_X.SameWord",
                new Claim.Race("003", Variant.BROKEN, RaceVariant.Claim.SAFE_BY_COHERENCE));
        assertEquals(Expect.FORBIDDEN, safe.claim().badGrade());
        assertEquals(Verdict.SAFE_BY_COHERENCE, Grader.grade(safe, Fixtures.run(safe, 0, 10), true).verdict());
        assertEquals("safe-by-coherence", Verdict.SAFE_BY_COHERENCE.label());
        assertEquals(Verdict.FAILED, Grader.grade(safe, Fixtures.run(safe, 1, 10), true).verdict());
    }

    @Test
    void litmusNeverMustNeverBeSeen() {
        SuiteTest sb = Fixtures.litmus("SB+fencembonceonces", Lkmm.NEVER, Tso.FORBIDDEN, 2);
        assertEquals(Verdict.HELD, Grader.grade(sb, Fixtures.run(sb, 0, 10), true).verdict());
        assertEquals(Verdict.FAILED, Grader.grade(sb, Fixtures.run(sb, 1, 10), true).verdict());
    }

    @Test
    void litmusSometimesAllowedOnX86MustBeSeenThereAndIsOnlyReportedElsewhere() {
        SuiteTest sb = Fixtures.litmus("SB+poonceonces", Lkmm.SOMETIMES, Tso.ALLOWED, 2);
        assertEquals(Verdict.OBSERVED, Grader.grade(sb, Fixtures.run(sb, 4, 10), true).verdict());
        TestVerdict unseen = Grader.grade(sb, Fixtures.run(sb, 0, 10), true);
        assertEquals(Verdict.NOT_OBSERVED, unseen.verdict());
        assertTrue(unseen.verdict().failsBuild());
        TestVerdict elsewhere = Grader.grade(sb, Fixtures.run(sb, 0, 10), false);
        assertEquals(Verdict.REPORTED, elsewhere.verdict());
        assertFalse(elsewhere.verdict().failsBuild());
    }

    @Test
    void litmusSometimesForbiddenOnX86IsReportedWithoutVerdict() {
        SuiteTest mp = Fixtures.litmus("MP+poonceonces", Lkmm.SOMETIMES, Tso.FORBIDDEN, 2);
        TestVerdict v = Grader.grade(mp, Fixtures.run(mp, 0, 10), true);
        assertEquals(Verdict.NOT_ON_X86, v.verdict());
        assertFalse(v.verdict().failsBuild());
        assertTrue(v.reason().startsWith("litmus MP+poonceonces (LKMM: Sometimes, x86-TSO: forbidden): allowed, not"
                + " reachable on x86"), v.reason());
        // An unforeseen state is still a failure, whatever the litmus verdicts.
        assertEquals(Verdict.FAILED, Grader.grade(mp, Fixtures.runWithUnforeseen(mp, 0, 10, 1), true).verdict());
    }

    @Test
    void atomicPairsNeverLoseAnUpdateAndNonAtomicOnesMust() {
        SuiteTest atomic = Fixtures.pair("SetClear", true, false);
        assertEquals(Verdict.HELD, Grader.grade(atomic, Fixtures.run(atomic, 0, 10), true).verdict());
        assertEquals(Verdict.FAILED, Grader.grade(atomic, Fixtures.run(atomic, 1, 10), true).verdict());
        SuiteTest plain = Fixtures.pair("SetPlainClear", false, false);
        assertEquals(Verdict.OBSERVED, Grader.grade(plain, Fixtures.run(plain, 3, 10), true).verdict());
        assertEquals(Verdict.NOT_OBSERVED, Grader.grade(plain, Fixtures.run(plain, 0, 10), true).verdict());
    }

    @Test
    void staleIsTheBadStateOfTerminationTests() {
        SuiteTest t = Fixtures.termination("Race004_Sleep.Broken", Variant.BROKEN, Expect.ACCEPTABLE_INTERESTING);
        TestRun run = new TestRun(t.name(), "NORMAL", List.of(
                new OutcomeCount("TERMINATED", Expect.ACCEPTABLE, 40, "woken"),
                new OutcomeCount("STALE", Expect.ACCEPTABLE_INTERESTING, 1, "never woken")), List.of(), List.of(), 1);
        TestVerdict v = Grader.grade(t, run, true);
        assertEquals(Verdict.REPRODUCED, v.verdict());
        assertEquals(1, v.bad());
    }

    @Test
    void notRunIsNoFailureButAnErrorIs() {
        assertFalse(Grader.notRun(FIXED, "tough only").verdict().failsBuild());
        assertTrue(Grader.error(FIXED, "no result file").verdict().failsBuild());
        assertEquals(-1, Grader.notRun(FIXED, "x").samplesPerSecond());
        assertEquals("not-reproduced", Verdict.NOT_REPRODUCED.label());
    }
}
