package dev.pageflags.stress.lincheck;

import com.google.gson.annotations.SerializedName;

/** What a Lincheck check concluded about one JCStress test, as verdicts.json spells it. */
enum CheckVerdict {
    /** A broken variant: an interleaving reached its bad end state, as it must. */
    @SerializedName("violation-found") VIOLATION_FOUND,
    /** A fixed variant: none of the interleavings explored within the bound reached the bad end state. */
    @SerializedName("no-violation-in-bound") NO_VIOLATION_IN_BOUND,
    /** A reordering bug: sequentially consistent interleavings cannot show it, and none did. */
    @SerializedName("not-applicable") NOT_APPLICABLE,
    /** The check's own assertion failed; the build fails with it. */
    @SerializedName("failed") FAILED
}
