package dev.pageflags.stress.harness;

import java.util.Locale;

/** What one JCStress test's run means for its claim. */
public enum Verdict {
    /** A broken race variant showed its bad end state: the race is real on this machine. */
    REPRODUCED(Effect.PASS),
    /** A broken race variant never showed its bad end state within the budget. */
    NOT_REPRODUCED(Effect.FAIL),
    /** A fixed variant, an LKMM-Never litmus test or an atomic pair never showed its bad state. */
    HELD(Effect.PASS),
    /** Like held, for code that never had a fix: coherence, not a fix, keeps the state away. */
    SAFE_BY_COHERENCE(Effect.PASS),
    /** A litmus state x86 allows, or a non-atomic pair's lost update, was seen as it must be. */
    OBSERVED(Effect.PASS),
    /** ... and was not seen within the budget: the Java mapping is stronger than the kernel here. */
    NOT_OBSERVED(Effect.FAIL),
    /** Ran and counted, with no verdict: a litmus state x86 may show but this machine is not x86. */
    REPORTED(Effect.INFO),
    /** Ran and counted, with no verdict: LKMM allows the state but x86-TSO forbids it. */
    NOT_ON_X86(Effect.INFO),
    /**
     * Not run, and not a failure: needs more CPUs than the machine has, runs only in the tough budget,
     * or only on another architecture ({@code @RaceVariant(arch = ...)}).
     */
    NOT_RUN(Effect.INFO),
    /** The calibration test sampled, every sample in a state it declares: its rate is the run's floor. */
    MEASURED(Effect.PASS),
    /** A FORBIDDEN state was seen (named or catch-all), or the run did not go as declared. */
    FAILED(Effect.FAIL),
    /** The test could not be judged: VM error, hung (killed by its deadline), no samples, JCStress crashed. */
    ERROR(Effect.ERROR);

    /** What a verdict does to the build. */
    public enum Effect { PASS, INFO, FAIL, ERROR }

    private final Effect effect;

    Verdict(Effect effect) {
        this.effect = effect;
    }

    public Effect effect() {
        return effect;
    }

    public boolean failsBuild() {
        return effect == Effect.FAIL || effect == Effect.ERROR;
    }

    /** A state that had to be seen was not: chance, so the runner gives the test a second run. */
    public boolean isUnseen() {
        return this == NOT_REPRODUCED || this == NOT_OBSERVED;
    }

    /** The spelling used in summary.json and the reports: "not-reproduced". */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
