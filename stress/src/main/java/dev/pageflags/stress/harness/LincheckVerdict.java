package dev.pageflags.stress.harness;

/**
 * What the Lincheck check of the same race concluded (read from lincheck/verdicts.json).
 *
 * @param invocations null when the file did not say
 * @param complete    null when the file did not say
 * @param trace       path of the interleaving trace, relative to results/, or null
 */
public record LincheckVerdict(String test, String verdict, Long invocations, Boolean complete,
                              String trace, String note) {
}
