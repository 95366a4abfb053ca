package dev.pageflags.report;

/** How a verdict reads on the page; each tone is one CSS class. */
public enum Tone {
    /** As the test claims: a race reproduced, a fix held, a target met. */
    PASS,
    /** Counted with no verdict, or not run on purpose (another architecture, too few CPUs). */
    INFO,
    /** Neither passed nor failed: an interval across its target, a part the run did not write. */
    WARN,
    /** Against the claim, or a run that could not be judged. */
    FAIL;

    public String css() {
        return "t-" + name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The worse of two tones, for a part's one-line status. */
    Tone worst(Tone other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
