package dev.pageflags.stress.harness;

import org.openjdk.jcstress.annotations.Expect;

/** One row of a test's result table: an observed (or declared, count 0) state and its grade. */
public record OutcomeCount(String state, Expect expect, long count, String description) {
}
