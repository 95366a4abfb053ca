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
 * test must never observe it (graded {@code FORBIDDEN}). A test whose {@link #claim()} is
 * {@link Claim#SAFE_BY_COHERENCE} runs code that never had the fix (the kernel's own layout) and is
 * graded like a fixed one, but its verdict says why it holds: coherence, not a fix.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RaceVariant {
    /** The seed document's number, "000" to "004". */
    String seed();

    /** The model branch the test runs. */
    Variant variant();

    /** What is claimed; by default what {@link #variant()} says (broken: seen, fixed: never seen). */
    Claim claim() default Claim.BY_VARIANT;

    /**
     * The architectures ({@code os.arch}, e.g. {@code "aarch64"}) where the claim can hold; empty
     * for all. Elsewhere the runner reports the test {@code not-run}, with {@link #archReason()}, and
     * never grades it: a test whose bad state the hardware cannot produce would fail as not reproduced,
     * and one whose claim was simply skipped must not pass.
     */
    String[] arch() default {};

    /** Why the test runs only on {@link #arch()}: what the other architectures' hardware does instead. */
    String archReason() default "";

    /** The claim a test's verdict stands for. */
    enum Claim {
        /** A broken variant must show its bad end state; a fixed one must never show it. */
        BY_VARIANT,
        /** The code as it was, safe without any fix because coherence forbids the bad state: never seen. */
        SAFE_BY_COHERENCE
    }
}
