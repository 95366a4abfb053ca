package dev.pageflags.stress;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a JCStress test that runs one part of a race test's sample, so that the summary can say where
 * that race's time per sample goes. It builds the race variant's world exactly as the race test does
 * (through the variant's {@code newScenario()}) and runs less of it: nothing ({@link Part#WORLD_ONLY})
 * or both paths on one thread ({@link Part#ONE_THREAD}).
 *
 * <p>Like {@link Calibration}, it is graded by its rate and by its FORBIDDEN states only, and runs
 * wherever its race test runs: in the races' JCStress process, with their options.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SampleCostOf {
    /** The race test variant (its {@code @JCStressTest} class) whose sample this test takes apart. */
    Class<?> value();

    /** Which part of that sample it runs. */
    Part part();

    /** The parts a race sample is taken apart into. */
    enum Part {
        /** The world built and judged, both actors idle: what construction, judging and JCStress cost. */
        WORLD_ONLY("world only"),
        /** Both paths back to back on one actor, the other idle: what the paths cost when they do not race. */
        ONE_THREAD("one thread");

        private final String label;

        Part(String label) {
            this.label = label;
        }

        /** The words of the summary: "world only", "one thread". */
        public String label() {
            return label;
        }
    }
}
