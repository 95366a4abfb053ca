package dev.pageflags.stress.lincheck;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The Lincheck check of one JCStress test: explore the test's own race, assert what its
 * {@link dev.pageflags.stress.RaceVariant} claims, and only then record the verdict. A check whose
 * assertion fails records {@link CheckVerdict#FAILED} and rethrows, so verdicts.json never says
 * more than the test showed.
 */
final class RaceChecks {
    private static final Logger log = LoggerFactory.getLogger(RaceChecks.class);

    private RaceChecks() {
    }

    /** @param factory {@code () -> SomeJCStressTest.newScenario()}: the test checked is the class it calls */
    static void check(ScenarioFactory factory) {
        JCStressClass test = JCStressClass.of(FactoryOwner.of(factory));
        Expectation expectation = test.expectation();
        Exploration e = LincheckRaceDriver.explore(factory, test.waiterSleeps(), expectation.bound);
        log.info("{} under Lincheck on {}: {}", test.name(), RunEnvironment.jvm(), e.summary());
        try {
            assertMet(test, expectation, e);
        } catch (AssertionError failed) {
            record(test, CheckVerdict.FAILED, e, "FAILED: " + firstLine(failed.getMessage()));
            throw failed;
        }
        record(test, expectation.verdictWhenMet, e, note(expectation, e));
    }

    private static void assertMet(JCStressClass test, Expectation expectation, Exploration e) {
        if (e.otherFailure() != null) {
            fail("Lincheck failed on " + test.name() + " for a reason other than the race's bad end state ("
                    + e.summary() + "): a defect of the model or the check, not a verdict", e.otherFailure());
        }
        switch (expectation) {
            case VIOLATION -> assertTrue(e.violationFound(), () -> "Lincheck did not find the race of the broken"
                    + " variant " + test.name() + " (" + e.summary() + ", " + RunEnvironment.jvm() + "). A broken"
                    + " variant must fail; on JDK 21+ Lincheck 3.6 misses races on plain fields: run the checks"
                    + " on JDK 17 (-Dlincheck.java=/path/to/jdk17/bin/java).");
            case NO_VIOLATION -> assertFalse(e.violationFound(), () -> "Lincheck found the bad end state in the"
                    + " fixed variant " + test.name() + ":\n" + e.report());
            case NO_VIOLATION_NOT_APPLICABLE -> assertNull(e.report(), () -> "Lincheck, which explores"
                    + " sequentially consistent interleavings only, reached the bad end state of " + test.name()
                    + ": the model has an interleaving bug besides the reordering one:\n" + e.report());
        }
    }

    private static String note(Expectation expectation, Exploration e) {
        return switch (expectation) {
            case VIOLATION -> "bad end state reached: " + e.summary();
            case NO_VIOLATION -> e.summary();
            case NO_VIOLATION_NOT_APPLICABLE -> "reordering or coherence, not an interleaving: no sequentially"
                    + " consistent interleaving reaches the bad end state, so this pass is no verdict on the fix;"
                    + " JCStress on real hardware grades it. Lincheck: " + e.summary();
        };
    }

    /** Keeps the interleaving Lincheck reported (or removes an earlier run's), then adds the verdict. */
    private static void record(JCStressClass test, CheckVerdict verdict, Exploration e, String note) {
        String trace = null;
        if (e.report() != null || e.otherFailure() != null) {
            trace = TraceFiles.keep(test, e);
        } else {
            TraceFiles.drop(test);
        }
        VerdictsFile.add(new VerdictRecord(test.name(), verdict, e.explored(), e.bound(), e.complete(), trace,
                note + "; " + RunEnvironment.jvm()));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
