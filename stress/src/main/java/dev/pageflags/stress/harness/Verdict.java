package dev.pageflags.stress.harness;

import java.util.Locale;

/** What one JCStress test's run means for the race it replays. */
public enum Verdict {
    /** Broken variant, and its bad end state was observed: the race is real on this machine. */
    REPRODUCED(false),
    /** Fixed variant, it ran, and its bad end state was never observed. */
    HELD(false),
    /** Broken variant, but the budget ended before its bad end state showed up. */
    NOT_REPRODUCED(true),
    /** Fixed variant that showed its bad end state, any FORBIDDEN outcome, or a test/VM error. */
    FAILED(true),
    /** Selected but not run (too few CPUs for its actors, or JCStress left it out). */
    SKIPPED(true);

    private final boolean failsBuild;

    Verdict(boolean failsBuild) {
        this.failsBuild = failsBuild;
    }

    public boolean failsBuild() {
        return failsBuild;
    }

    /** The spelling used in summary.json and the reports: "not-reproduced". */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
