package dev.pageflags.stress.lincheck;

import dev.pageflags.stress.RaceScenario;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The three claims a Lincheck test makes about a JCStress test's scenario, each recorded as that
 * test's verdict.
 *
 * <p>Pass each scenario factory as a lambda that calls the constructor ({@code () -> new X()}),
 * never as a constructor reference ({@code X::new}) or through reflection. Lincheck 3.6 only
 * follows objects whose allocation it saw in instrumented code: a scenario allocated inside a JDK
 * lambda proxy is invisible to it, so it never notices that the actors share the page, inserts no
 * thread switch, and reports a broken race clean after a dozen "complete" interleavings. Measured
 * here on race 004: {@code X::new} and reflection missed it, {@code () -> new X()} found it.
 */
final class RaceChecks {
    private static final Logger log = LoggerFactory.getLogger(RaceChecks.class);

    private RaceChecks() {
    }

    /** A broken variant: some interleaving must reach the bad end state. Keeps its trace. */
    static void expectViolation(Class<?> test, Supplier<? extends RaceScenario> factory) {
        Exploration e = explore(test, factory, Bounds.BROKEN);
        record(test, verdictOf(e), e, e.violationFound() ? "bad end state reached: " + e.summary()
                : "SILENT MISS: the broken variant passed (" + e.summary() + "); Lincheck did not see the race");
        assertTrue(e.violationFound(), () -> "Lincheck did not find the race of the broken variant "
                + test.getName() + " (" + e.summary() + ", " + LincheckReport.jvm() + "). A broken variant must"
                + " fail; on JDK 21+ Lincheck 3.6/3.7 miss races on plain and volatile fields and arrays:"
                + " run the checks on JDK 17 (see the lincheck-jdk17 profile).");
    }

    /** A fixed variant: no interleaving Lincheck tries within the bound reaches the bad end state. */
    static void expectNoViolation(Class<?> test, Supplier<? extends RaceScenario> factory, int bound) {
        Exploration e = explore(test, factory, bound);
        record(test, verdictOf(e), e, e.violationFound() ? "THE FIX DOES NOT HOLD: " + e.summary() : e.summary());
        assertFalse(e.violationFound(), () -> "Lincheck found the bad end state in the fixed variant "
                + test.getName() + ":\n" + e.report());
    }

    /**
     * A reordering bug: no sequentially consistent interleaving reaches the bad end state, so
     * Lincheck must pass every shape, and its pass says nothing about the fix. Recorded as
     * not-applicable so that nobody counts it as one.
     */
    static void expectPassNotApplicable(Class<?> test, Supplier<? extends RaceScenario> factory, int bound,
                                        String why) {
        Exploration e = explore(test, factory, bound);
        record(test, "not-applicable", e, "not-applicable: reordering bug, needs real hardware (JCStress). "
                + why + " Lincheck: " + e.summary());
        assertFalse(e.violationFound(), () -> "Lincheck, which explores sequentially consistent interleavings"
                + " only, reached the bad end state of " + test.getName() + ": the model has an interleaving bug"
                + " besides the reordering one:\n" + e.report());
    }

    private static Exploration explore(Class<?> test, Supplier<? extends RaceScenario> factory, int bound) {
        Exploration e = LincheckRaceDriver.explore(factory, bound);
        log.info("{} under Lincheck on {}: {}", test.getName(), LincheckReport.jvm(), e.summary());
        return e;
    }

    private static String verdictOf(Exploration e) {
        return e.violationFound() ? "violation-found" : "no-violation";
    }

    /** Keeps the trace of a violation (or drops an earlier run's), then writes the verdict. */
    private static void record(Class<?> test, String verdict, Exploration e, String note) {
        String trace = null;
        if (e.violationFound()) {
            trace = LincheckReport.keepTrace(test, e);
        } else {
            LincheckReport.dropTrace(test);
        }
        LincheckReport.record(new LincheckReport.Verdict(test, verdict, e.bound(), e.complete(), trace,
                note + ", " + LincheckReport.jvm()));
    }
}
