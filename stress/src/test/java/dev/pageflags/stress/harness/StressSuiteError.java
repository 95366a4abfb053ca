package dev.pageflags.stress.harness;

/**
 * A test case that could not be judged (VM error, hung, no samples, JCStress crashed, suite refused).
 * Not an AssertionError on purpose: JUnit and Failsafe then count it as an error, apart from failures.
 */
final class StressSuiteError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StressSuiteError(String message) {
        super(message);
    }
}
