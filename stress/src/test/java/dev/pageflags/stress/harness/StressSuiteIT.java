package dev.pageflags.stress.harness;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The graded JCStress suite as Maven tests (Failsafe, integration-test phase): one test case per
 * JCStress test, then one for the suite as a whole (JCStress itself failing, Lincheck records missing).
 * The {@code stress.*} system properties are the pom's; see {@code harness/package-info.java}.
 */
class StressSuiteIT {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(25);

    @TestFactory
    Stream<DynamicTest> jcstressSuite() {
        Duration timeout = Duration.ofSeconds(Long.getLong("stress.timeout.seconds", DEFAULT_TIMEOUT.toSeconds()));
        long deadline = System.nanoTime() + timeout.toNanos();
        SuiteVerdicts verdicts = new SuiteVerdicts();
        Thread engine = new Thread(() -> {
            try {
                verdicts.finished(new SuiteEngine(SuiteEnvironment.real()).run(args(), verdicts));
            } catch (Throwable t) {
                verdicts.crashed(t);
            }
        }, "stress-suite");
        engine.setDaemon(true);
        engine.start();

        List<SuiteTest> selected;
        try {
            selected = verdicts.awaitSelection(timeout);
        } catch (StressSuiteError refused) {
            return Stream.of(dynamicTest("stress suite request", () -> {
                throw refused;
            }));
        }
        List<DynamicTest> cases = new ArrayList<>();
        for (SuiteTest t : selected) {
            cases.add(dynamicTest(t.shortName(), () -> VerdictAssertions.check(verdicts.awaitVerdict(t, left(deadline)))));
        }
        cases.add(dynamicTest("stress suite as a whole", () -> {
            SuiteEngine.Result end = verdicts.awaitEnd(left(deadline));
            if (end.exitCode() == SuiteEngine.CANNOT_RUN) {
                throw new StressSuiteError("the suite could not run as asked: "
                        + (end.report() == null || end.report().problem() == null
                        ? "JCStress exited with " + (end.report() == null ? "?" : end.report().jcstressExit())
                        : end.report().problem()));
            }
        }));
        return cases.stream();
    }

    private static Duration left(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    /** The runner's options from the pom's system properties; by hand (an IDE) the defaults run quick, no Lincheck. */
    static String[] args() {
        List<String> args = new ArrayList<>();
        args.add("--jar=" + System.getProperty("stress.jar", "target/jcstress.jar"));
        args.add("--budget=" + System.getProperty("stress.budget", "quick"));
        args.add("--scenario=" + System.getProperty("stress.scenario", SuiteOptions.ALL));
        args.add("--test=" + System.getProperty("stress.test", SuiteOptions.ALL));
        args.add("--group=" + System.getProperty("stress.group", SuiteOptions.ALL));
        args.add("--results=" + System.getProperty("stress.results.dir", "target/stress-results"));
        args.add("--lincheck=" + System.getProperty("stress.lincheck", SuiteOptions.NONE));
        args.add("--work=" + System.getProperty("stress.work", "target/jcstress-work"));
        String index = System.getProperty("stress.index", "").trim();
        if (!index.isEmpty()) {
            args.add("--index=" + index);
        }
        String forkDeadline = System.getProperty("stress.fork.deadline", "").trim();
        if (!forkDeadline.isEmpty()) {
            args.add("--fork-deadline=" + forkDeadline);
        }
        String runId = System.getProperty("pf.runId", "");
        if (!runId.isEmpty()) {
            args.add("--run-id=" + runId);
        }
        return args.toArray(String[]::new);
    }
}
