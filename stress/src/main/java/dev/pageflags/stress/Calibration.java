package dev.pageflags.stress;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the JCStress test whose only job is to be fast: its sampling rate is the floor the suite
 * reads every other test's rate against ("0.31x"), measured in the same JCStress process and with
 * the same options as the race tests.
 *
 * <p>It claims nothing about any state. The runner fails it only when it records no samples (no
 * rate to compare with) or a sample in a state it does not declare (its catch-all {@code @Outcome}
 * is FORBIDDEN, as every test's is here).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Calibration {
}
