package dev.pageflags.stress;

import dev.pageflags.mm.Variant;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Ties a JCStress test class to the seed race it replays and the side of the fix it runs.
 *
 * <p>The suite runner reads it to grade a run: a {@link Variant#BROKEN} test must observe its
 * bad end state (graded {@code ACCEPTABLE_INTERESTING}) within the budget, a {@link Variant#FIXED}
 * test must never observe it (graded {@code FORBIDDEN}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RaceVariant {
    /** The seed document's number, "000" to "004". */
    String seed();

    Variant variant();
}
