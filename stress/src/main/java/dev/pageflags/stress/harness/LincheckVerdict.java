package dev.pageflags.stress.harness;

/**
 * What the Lincheck check of one JCStress test concluded, as its writer recorded it in
 * {@code lincheck/verdicts.json}.
 *
 * @param test        the JCStress class, {@code Class.getName()} spelling ({@code Outer$Nested})
 * @param verdict     one of {@link LincheckVerdicts#VERDICTS}
 * @param invocations interleavings actually explored
 * @param bound       the configured maximum of interleavings
 * @param complete    true when the exploration covered every interleaving within the bound
 * @param trace       path of the interleaving trace, relative to results/, or null
 */
public record LincheckVerdict(String test, String verdict, int invocations, int bound, boolean complete,
                              String trace, String note) {
}
