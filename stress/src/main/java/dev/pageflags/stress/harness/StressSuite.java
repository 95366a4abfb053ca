package dev.pageflags.stress.harness;

/**
 * The suite from the command line ({@code java -cp jcstress.jar dev.pageflags.stress.harness.StressSuite
 * --jar=... --results=... --lincheck=none --work=...}); {@code mvn verify} runs the same
 * {@link SuiteEngine} under Failsafe instead.
 *
 * <p>Exit codes: 0 all as expected; 1 a verdict failed the run (a FORBIDDEN state, a race not
 * reproduced, a hung or crashed test); 2 a bad request (option, selection, a test that cannot be
 * graded); 3 the suite could not run (too few CPUs, Lincheck records missing or stale, JCStress left
 * no results or exited non-zero although every verdict passed).
 */
public final class StressSuite {
    private StressSuite() {
    }

    public static void main(String[] args) {
        System.exit(run(args, SuiteEnvironment.real()));
    }

    static int run(String[] args, SuiteEnvironment env) {
        return new SuiteEngine(env).run(args, SuiteListener.NONE).exitCode();
    }
}
