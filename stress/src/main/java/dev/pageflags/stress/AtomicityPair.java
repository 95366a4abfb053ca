package dev.pageflags.stress;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a JCStress test of two bit operations racing on two different bits of one flag word.
 *
 * <p>The test declares its lost-update states by id (the other actor's bit lost, or resurrected).
 * When both operations are atomic those states are {@code FORBIDDEN}; when one is a non-atomic
 * {@code __} form they are {@code ACCEPTABLE_INTERESTING} and must be observed within the budget.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AtomicityPair {
    /** The first actor's operation, in the kernel's spelling ({@code set_bit}, {@code __clear_bit}). */
    String op1();

    /** The second actor's operation. */
    String op2();

    /** True when both are atomic: a lost update is then FORBIDDEN. False: it must be seen. */
    boolean atomic();

    /** True for a pair that runs only under the {@code tough} budget (the full matrix). */
    boolean toughOnly() default false;
}
