package dev.pageflags.stress;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Ties a JCStress test to one of the Linux kernel memory model's own litmus tests, written with
 * the model's primitives, and carries the two verdicts it is graded against.
 *
 * <p>The test declares the litmus test's {@code exists} state by id: {@code FORBIDDEN} when LKMM
 * says Never (seeing it means the Java mapping is weaker than the kernel's), and
 * {@code ACCEPTABLE_INTERESTING} when LKMM says Sometimes. A Sometimes state that x86-TSO also
 * allows must be observed on x86 within the budget (not seeing it means the mapping is stronger
 * than the kernel on this hardware and can hide races); one that x86-TSO forbids is reported with
 * no verdict.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface LitmusTest {
    /** The litmus test's name as the kernel tree spells it, e.g. {@code SB+fencembonceonces}. */
    String name();

    /** Its path in the kernel tree, e.g. {@code tools/memory-model/litmus-tests/SB+fencembonceonces.litmus}. */
    String path();

    /** LKMM's verdict, from the file's {@code Result:} line. */
    Lkmm lkmm();

    /** Whether x86-TSO allows the {@code exists} state with the instructions the Java mapping emits on x86. */
    Tso x86();

    /** How many threads the litmus test has; a test needing more CPUs than the machine has is listed, not run. */
    int threads() default 2;

    /** LKMM's verdict on the {@code exists} clause. */
    enum Lkmm { NEVER, SOMETIMES }

    /** x86-TSO's verdict on the same state. */
    enum Tso { FORBIDDEN, ALLOWED }
}
