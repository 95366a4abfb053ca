package dev.pageflags.stress.harness;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Turns a verdict into the outcome of a JUnit test case: pass, failure, error or skipped. */
final class VerdictAssertions {
    private VerdictAssertions() {
    }

    static void check(TestVerdict v) {
        String message = v.test().name() + " " + v.verdict().label() + ": " + v.reason();
        switch (v.verdict().effect()) {
            case PASS -> System.out.println(message);
            case INFO -> {
                System.out.println(message);
                // Not run at all (too few CPUs, tough budget only) is reported as skipped; run with no verdict passes.
                Assumptions.assumeTrue(v.verdict() != Verdict.NOT_RUN, message);
            }
            case FAIL -> Assertions.fail(message);
            case ERROR -> throw new StressSuiteError(message);
        }
    }
}
