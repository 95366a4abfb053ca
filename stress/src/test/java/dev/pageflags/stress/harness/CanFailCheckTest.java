package dev.pageflags.stress.harness;

import dev.pageflags.mm.Variant;
import dev.pageflags.stress.LitmusTest.Lkmm;
import dev.pageflags.stress.LitmusTest.Tso;
import dev.pageflags.stress.RaceVariant;
import org.junit.jupiter.api.Test;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.Mode;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CanFailCheckTest {
    private static SuiteTest withOutcomes(Claim claim, DeclaredOutcome... outcomes) {
        return new SuiteTest("dev.pageflags.stress.Race001_X.V", claim, Mode.Continuous, "", 2, List.of(outcomes));
    }

    private static Claim race(Variant variant) {
        return new Claim.Race("001", variant, RaceVariant.Claim.BY_VARIANT);
    }

    @Test
    void wellFormedTestsOfEveryKindPass() {
        assertEquals(List.of(), CanFailCheck.problems(Fixtures.test("A.Broken", "001", Variant.BROKEN)));
        assertEquals(List.of(), CanFailCheck.problems(Fixtures.test("A.Fixed", "001", Variant.FIXED)));
        assertEquals(List.of(), CanFailCheck.problems(Fixtures.litmus("SB", Lkmm.NEVER, Tso.FORBIDDEN, 2)));
        assertEquals(List.of(), CanFailCheck.problems(Fixtures.litmus("SB", Lkmm.SOMETIMES, Tso.ALLOWED, 2)));
        assertEquals(List.of(), CanFailCheck.problems(Fixtures.pair("P", false, false)));
    }

    @Test
    void aCatchAllThatIsNotForbiddenIsRefused() {
        SuiteTest t = withOutcomes(race(Variant.BROKEN),
                new DeclaredOutcome("1", Expect.ACCEPTABLE, "fine", false),
                new DeclaredOutcome("0", Expect.ACCEPTABLE_INTERESTING, "lost wakeup", false),
                new DeclaredOutcome(".*", Expect.ACCEPTABLE_INTERESTING, "other inconsistent state", true));
        List<String> problems = CanFailCheck.problems(t);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("catch-all"), problems.get(0));
    }

    @Test
    void aFixedVariantMustNameAForbiddenState() {
        SuiteTest t = withOutcomes(race(Variant.FIXED),
                new DeclaredOutcome("1", Expect.ACCEPTABLE, "fine", false),
                new DeclaredOutcome(".*", Expect.FORBIDDEN, "model error", true));
        List<String> problems = CanFailCheck.problems(t);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("names no FORBIDDEN @Outcome"), problems.get(0));
    }

    @Test
    void aMustSeeTestMustNameAnInterestingState() {
        SuiteTest t = withOutcomes(race(Variant.BROKEN),
                new DeclaredOutcome("1", Expect.ACCEPTABLE, "fine", false),
                new DeclaredOutcome("0", Expect.FORBIDDEN, "lost wakeup", false));
        assertTrue(CanFailCheck.problems(t).get(0).contains("names no ACCEPTABLE_INTERESTING"));
        SuiteTest litmus = withOutcomes(new Claim.Litmus("SB", "p", Lkmm.SOMETIMES, Tso.ALLOWED, 2),
                new DeclaredOutcome("0, 0", Expect.FORBIDDEN, "exists", false));
        assertTrue(CanFailCheck.problems(litmus).get(0).contains("names no ACCEPTABLE_INTERESTING"));
    }

    @Test
    void terminationTestsGradeStale() {
        assertEquals(List.of(), CanFailCheck.problems(Fixtures.termination("T.Fixed", Variant.FIXED, Expect.FORBIDDEN)));
        assertEquals(List.of(), CanFailCheck.problems(
                Fixtures.termination("T.Broken", Variant.BROKEN, Expect.ACCEPTABLE_INTERESTING)));
        List<String> staleAcceptable = CanFailCheck.problems(
                Fixtures.termination("T.Fixed", Variant.FIXED, Expect.ACCEPTABLE));
        assertTrue(staleAcceptable.stream().anyMatch(p -> p.contains("must grade STALE as FORBIDDEN")),
                staleAcceptable.toString());
    }

    @Test
    void aTerminationTestWithoutStaleIsRefused() {
        SuiteTest t = new SuiteTest("dev.pageflags.stress.T", race(Variant.FIXED), Mode.Termination, "", 1, List.of(
                new DeclaredOutcome("TERMINATED", Expect.ACCEPTABLE, "woken", false),
                new DeclaredOutcome("HUNG", Expect.FORBIDDEN, "never", false)));
        assertTrue(CanFailCheck.problems(t).get(0).contains("without an @Outcome for STALE"));
    }
}
