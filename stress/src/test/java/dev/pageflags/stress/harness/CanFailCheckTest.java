package dev.pageflags.stress.harness;

import dev.pageflags.mm.Variant;
import org.junit.jupiter.api.Test;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.Mode;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CanFailCheckTest {
    private static SuiteTest withOutcomes(Variant variant, DeclaredOutcome... outcomes) {
        return new SuiteTest("dev.pageflags.stress.Race001_X.V", "001", variant, Mode.Continuous, "", 2,
                List.of(outcomes));
    }

    @Test
    void wellFormedPairsPass() {
        assertEquals(List.of(), CanFailCheck.problems(Fixtures.test("A.Broken", "001", Variant.BROKEN)));
        assertEquals(List.of(), CanFailCheck.problems(Fixtures.test("A.Fixed", "001", Variant.FIXED)));
    }

    @Test
    void aFixedVariantMustForbidSomething() {
        SuiteTest t = withOutcomes(Variant.FIXED,
                new DeclaredOutcome("1", Expect.ACCEPTABLE, "fine", false),
                new DeclaredOutcome("0", Expect.ACCEPTABLE_INTERESTING, "lost wakeup", false));
        List<String> problems = CanFailCheck.problems(t);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("declares no FORBIDDEN @Outcome"), problems.get(0));
    }

    @Test
    void theImplicitForbiddenDefaultDoesNotCount() {
        SuiteTest t = withOutcomes(Variant.FIXED,
                new DeclaredOutcome("1", Expect.ACCEPTABLE, "fine", false),
                new DeclaredOutcome(".*", Expect.FORBIDDEN, "No default case provided, assume Forbidden", true));
        assertEquals(1, CanFailCheck.problems(t).size());
    }

    @Test
    void aBrokenVariantMustHaveAnInterestingOutcome() {
        SuiteTest t = withOutcomes(Variant.BROKEN,
                new DeclaredOutcome("1", Expect.ACCEPTABLE, "fine", false),
                new DeclaredOutcome("0", Expect.FORBIDDEN, "lost wakeup", false));
        assertTrue(CanFailCheck.problems(t).get(0).contains("declares no ACCEPTABLE_INTERESTING"));
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
        SuiteTest t = new SuiteTest("dev.pageflags.stress.T", "004", Variant.FIXED, Mode.Termination, "", 1, List.of(
                new DeclaredOutcome("TERMINATED", Expect.ACCEPTABLE, "woken", false),
                new DeclaredOutcome("HUNG", Expect.FORBIDDEN, "never", false)));
        assertTrue(CanFailCheck.problems(t).get(0).contains("without an @Outcome for STALE"));
    }
}
