package dev.pageflags.stress.harness;

import dev.pageflags.mm.Variant;
import org.openjdk.jcstress.annotations.Mode;

import java.util.List;
import java.util.Locale;

/**
 * A JCStress test of the suite with what the runner needs to select and grade it.
 *
 * @param name     the JCStress test name (the canonical class name, nested classes joined by '.')
 * @param seed     the seed race it replays, "000".."004", from {@code @RaceVariant}
 * @param variant  which side of the fix it runs
 * @param mode     Continuous, or Termination (bad end state = STALE)
 * @param actors   number of {@code @Actor} methods: JCStress needs one CPU per actor
 * @param outcomes the declared outcomes, default outcome included when there is one
 */
public record SuiteTest(String name, String seed, Variant variant, Mode mode, String description,
                        int actors, List<DeclaredOutcome> outcomes) {

    public SuiteTest {
        outcomes = List.copyOf(outcomes);
        description = description == null ? "" : description;
    }

    public String variantLabel() {
        return variant.name().toLowerCase(Locale.ROOT);
    }

    /** The name without its package: "Race004_X.Broken". */
    public String shortName() {
        String topLevel = topLevelClass();
        int dot = topLevel.lastIndexOf('.');
        return name.substring(dot + 1);
    }

    /**
     * The outermost class, guessed from Java naming (packages lower case, classes capitalised),
     * which is what a CI server groups test cases by.
     */
    public String topLevelClass() {
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
}
