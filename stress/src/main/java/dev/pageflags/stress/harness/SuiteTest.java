package dev.pageflags.stress.harness;

import org.openjdk.jcstress.annotations.Mode;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A JCStress test of the suite with what the runner needs to select and grade it.
 *
 * @param name     the JCStress test name (the canonical class name, nested classes joined by '.')
 * @param claim    what its annotation says it must show or never show
 * @param mode     Continuous, or Termination (bad end state = STALE)
 * @param actors   number of {@code @Actor} methods: JCStress needs one CPU per actor
 * @param outcomes the declared outcomes, the catch-all (default) outcome included
 */
public record SuiteTest(String name, Claim claim, Mode mode, String description, int actors,
                        List<DeclaredOutcome> outcomes) {

    public SuiteTest {
        outcomes = List.copyOf(outcomes);
        description = description == null ? "" : description;
    }

    public TestKind kind() {
        return claim.kind();
    }

    /** The seed race of a race test, "000".."004"; empty for the other kinds. */
    public String seed() {
        return claim instanceof Claim.Race race ? race.seed() : "";
    }

    public String variantLabel() {
        return claim.label();
    }

    /** The named outcomes (catch-all excluded) graded as this test's bad states. */
    public List<DeclaredOutcome> badStates() {
        return outcomes.stream().filter(o -> !o.isDefault() && o.expect() == claim.badGrade()).toList();
    }

    public Optional<DeclaredOutcome> catchAll() {
        return outcomes.stream().filter(DeclaredOutcome::isDefault).findFirst();
    }

    /** True when the observed state is one of the named bad states (ids are regular expressions, as in JCStress). */
    public boolean isBadState(String state) {
        return badStates().stream().anyMatch(o -> matches(o.id(), state));
    }

    /** CPUs the test needs: one per actor, and a litmus test's declared thread count. */
    public int cpusNeeded() {
        int threads = claim instanceof Claim.Litmus litmus ? litmus.threads() : 0;
        return Math.max(Math.max(actors, threads), 1);
    }

    /** The name without its package: "Race004_X.Broken". */
    public String shortName() {
        return shortNameOf(name);
    }

    /**
     * The outermost class, guessed from Java naming (packages lower case, classes capitalised),
     * which is what a CI server groups test cases by.
     */
    public String topLevelClass() {
        return topLevelOf(name);
    }

    /** {@link #shortName()} of any JCStress test name. */
    static String shortNameOf(String name) {
        String topLevel = topLevelOf(name);
        int dot = topLevel.lastIndexOf('.');
        return name.substring(dot + 1);
    }

    /** {@link #topLevelClass()} of any JCStress test name. */
    static String topLevelOf(String name) {
        String[] parts = name.split("\\.");
        StringBuilder top = new StringBuilder();
        for (String part : parts) {
            if (top.length() > 0) {
                top.append('.');
            }
            top.append(part);
            if (!part.isEmpty() && Character.isUpperCase(part.charAt(0))) {
                break;
            }
        }
        return top.toString();
    }

    static boolean matches(String id, String state) {
        try {
            return Pattern.compile(id).matcher(state).matches();
        } catch (RuntimeException notARegex) {
            return id.equals(state);
        }
    }
}
