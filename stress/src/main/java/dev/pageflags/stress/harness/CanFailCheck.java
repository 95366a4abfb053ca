package dev.pageflags.stress.harness;

import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.Mode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Refuses, before anything runs, a test whose grading could not fail or could pass for the wrong
 * reason: one that names no bad state (nothing to count), or whose catch-all outcome is not
 * FORBIDDEN (a state nobody foresaw would then count as acceptable, or as a reproduction).
 */
public final class CanFailCheck {
    /** The outcome JCStress reports for a Termination test whose actor never returned. */
    static final String STALE = "STALE";
    /** Every race test has two actors; their floor, and the tests taking their samples apart, must too. */
    static final int CALIBRATION_ACTORS = 2;

    private CanFailCheck() {
    }

    /** Every reason the test cannot be graded as declared; empty when it can. */
    public static List<String> problems(SuiteTest test) {
        List<String> problems = new ArrayList<>();
        Expect bad = test.claim().badGrade();
        if (test.claim() instanceof Claim.Calibration) {
            // It fails by its catch-all alone (and by taking no samples); a state it names as anything but
            // ACCEPTABLE would be a claim the runner never grades.
            test.outcomes().stream().filter(o -> !o.isDefault() && o.expect() != Expect.ACCEPTABLE)
                    .forEach(o -> problems.add(test.name() + " is the calibration test; its @Outcome '" + o.id()
                            + "' is " + o.expect().name() + ", but it is graded by its rate only: declare its states"
                            + " ACCEPTABLE."));
            if (test.actors() != CALIBRATION_ACTORS) {
                problems.add(test.name() + " is the calibration test with " + test.actors() + " actor(s); the race"
                        + " tests it is the floor of have " + CALIBRATION_ACTORS + ".");
            }
        } else if (test.claim() instanceof Claim.SampleCost) {
            // Rate-only like the calibration, but it runs a race's world, so it must be able to fail by a named
            // state too: a world judged unlike a fresh one, or a serial order ending bad.
            test.outcomes().stream().filter(o -> o.expect() != Expect.ACCEPTABLE && o.expect() != Expect.FORBIDDEN)
                    .forEach(o -> problems.add(test.name() + " is a sample-cost test; its @Outcome '" + o.id() + "' is "
                            + o.expect().name() + ", but it claims nothing but its rate: declare its states ACCEPTABLE"
                            + " or FORBIDDEN."));
            if (test.badStates().isEmpty()) {
                problems.add(test.name() + " is a sample-cost test that names no FORBIDDEN @Outcome: only a state"
                        + " nobody foresaw could fail it.");
            }
            if (test.actors() != CALIBRATION_ACTORS) {
                problems.add(test.name() + " is a sample-cost test with " + test.actors() + " actor(s); the race"
                        + " test it takes apart has " + CALIBRATION_ACTORS + ".");
            }
        } else if (test.badStates().isEmpty()) {
            problems.add(test.name() + " (" + test.variantLabel() + ") names no " + bad.name()
                    + " @Outcome for its bad state, so there is nothing to grade it by.");
        }
        // Declared twice (e.g. on the class and again through @JCStressMeta), an id makes JCStress count no
        // sample in either: every test would record nothing, or worse, a bad state would go uncounted.
        test.outcomes().stream().filter(o -> !o.isDefault()).collect(Collectors.groupingBy(DeclaredOutcome::id,
                        LinkedHashMap::new, Collectors.counting()))
                .forEach((id, n) -> {
                    if (n > 1) {
                        problems.add(test.name() + " declares @Outcome '" + id + "' " + n + " times; JCStress then"
                                + " counts none of its samples: declare each state once.");
                    }
                });
        test.catchAll().filter(o -> o.expect() != Expect.FORBIDDEN).ifPresent(o -> problems.add(test.name()
                + "'s catch-all @Outcome (the one without id) is " + o.expect().name() + "; it must be FORBIDDEN:"
                + " a state no @Outcome names is a model error, never a reproduction."));
        if (test.mode() == Mode.Termination) {
            List<DeclaredOutcome> stale = test.outcomes().stream()
                    .filter(o -> !o.isDefault() && SuiteTest.matches(o.id(), STALE)).toList();
            if (stale.isEmpty()) {
                problems.add(test.name() + " is a Termination test without an @Outcome for " + STALE
                        + ": its bad end state (an actor that never returns) would not be graded " + bad.name() + ".");
            } else if (stale.stream().anyMatch(o -> o.expect() != bad)) {
                problems.add(test.name() + " is a " + test.variantLabel() + " Termination test; it must grade "
                        + STALE + " as " + bad.name() + ".");
            }
        }
        return problems;
    }
}
