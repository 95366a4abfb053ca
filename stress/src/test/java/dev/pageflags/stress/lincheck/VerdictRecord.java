package dev.pageflags.stress.lincheck;

/**
 * One entry of verdicts.json; Gson writes the components in this order and under these names.
 *
 * @param test        {@link Class#getName()} of the JCStress test class
 * @param invocations invocations Lincheck actually explored
 * @param bound       the most it was allowed
 * @param complete    whether exploration ran out of interleavings before the bound
 * @param trace       the interleaving's text file relative to results/, or null
 */
record VerdictRecord(String test, CheckVerdict verdict, int invocations, int bound, boolean complete,
                     String trace, String note) {
}
