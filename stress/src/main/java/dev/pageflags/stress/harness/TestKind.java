package dev.pageflags.stress.harness;

import java.util.Locale;

/**
 * The families of graded JCStress test; each kind has its own budget, and kinds whose budgets give the
 * same JCStress options share one JCStress process.
 */
public enum TestKind {
    /** A seed race, broken or fixed ({@code @RaceVariant}). */
    RACES,
    /** One of the kernel memory model's litmus tests ({@code @LitmusTest}). */
    LITMUS,
    /** Two bit operations on one flag word ({@code @AtomicityPair}). */
    ATOMICITY,
    /**
     * The sampling-rate floor ({@code @Calibration}) and the tests taking race samples apart
     * ({@code @SampleCostOf}): they run at the races' budget, so in their JCStress process, with their
     * options ({@link Budget}).
     */
    CALIBRATION;

    /** The spelling of {@code -Dstress.group}: races, litmus, atomicity, calibration. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
