package dev.pageflags.stress.harness;

import org.openjdk.jcstress.annotations.Expect;

/**
 * One {@code @Outcome} of a test as JCStress compiled it: the id (a regular expression over the
 * result's text form), its grade and its description. The default outcome has {@code isDefault}.
 */
public record DeclaredOutcome(String id, Expect expect, String description, boolean isDefault) {
}
