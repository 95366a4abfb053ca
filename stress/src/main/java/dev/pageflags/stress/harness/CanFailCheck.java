package dev.pageflags.stress.harness;

import dev.pageflags.mm.Variant;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.Mode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Refuses, before anything runs, a test whose grading cannot fail: a fixed variant with no
 * FORBIDDEN outcome would pass whatever the model does, and a broken variant with no
 * ACCEPTABLE_INTERESTING outcome could never count a reproduction.
 */
public final class CanFailCheck {
    /** The outcome JCStress reports for a Termination test whose actor never returned. */
    static final String STALE = "STALE";

    private CanFailCheck() {
    }

    /** Every reason the test cannot fail as graded; empty when it can. */
    public static List<String> problems(SuiteTest test) {
        List<String> problems = new ArrayList<>();
        Expect bad = badGrade(test.variant());
        boolean declaresBad = test.outcomes().stream().anyMatch(o -> !o.isDefault() && o.expect() == bad);
        if (!declaresBad) {
            problems.add(test.name() + " is " + test.variantLabel() + " but declares no " + bad.name()
                    + " @Outcome for its bad end state, so its grading cannot fail.");
        }
        if (test.mode() == Mode.Termination) {
            List<DeclaredOutcome> stale = test.outcomes().stream()
                    .filter(o -> !o.isDefault() && matches(o.id(), STALE)).toList();
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

    /** The grade of the bad end state: what a fixed variant forbids and a broken variant hopes to see. */
    public static Expect badGrade(Variant variant) {
        return variant == Variant.FIXED ? Expect.FORBIDDEN : Expect.ACCEPTABLE_INTERESTING;
    }

    private static boolean matches(String id, String state) {
        try {
            return Pattern.compile(id).matcher(state).matches();
        } catch (RuntimeException e) {
            return id.equals(state);
        }
    }
}
