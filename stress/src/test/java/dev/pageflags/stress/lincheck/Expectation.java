package dev.pageflags.stress.lincheck;

import dev.pageflags.mm.Variant;
import dev.pageflags.stress.RaceVariant;

/** What Lincheck must find in a JCStress test's race, read from its {@link RaceVariant}. */
enum Expectation {
    /** A broken variant: some interleaving reaches the bad end state. */
    VIOLATION(Bounds.BROKEN, CheckVerdict.VIOLATION_FOUND),
    /** A fixed variant: no interleaving within the bound does. */
    NO_VIOLATION(Bounds.FIXED, CheckVerdict.NO_VIOLATION_IN_BOUND),
    /**
     * A reordering bug (seed 003) or a state only coherence forbids: sequentially consistent
     * interleavings cannot reach it in any variant, so none may, and the pass is no verdict.
     */
    NO_VIOLATION_NOT_APPLICABLE(Bounds.FIXED, CheckVerdict.NOT_APPLICABLE);

    /** The seed whose bug is a reordering, invisible under sequential consistency. */
    static final String REORDERING_SEED = "003";

    final int bound;
    final CheckVerdict verdictWhenMet;

    Expectation(int bound, CheckVerdict verdictWhenMet) {
        this.bound = bound;
        this.verdictWhenMet = verdictWhenMet;
    }

    static Expectation of(RaceVariant v) {
        if (REORDERING_SEED.equals(v.seed()) || v.claim() == RaceVariant.Claim.SAFE_BY_COHERENCE) {
            return NO_VIOLATION_NOT_APPLICABLE;
        }
        return v.variant() == Variant.BROKEN ? VIOLATION : NO_VIOLATION;
    }
}
