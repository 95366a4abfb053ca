package dev.pageflags.report;

import java.util.Set;

/**
 * The stress suite's verdict words (its {@code Verdict} labels in summary.json) as tones. The stress
 * module's test {@code IndexToneTest} keeps this list in step with its enum; a word this list does not
 * know reads as a failure, never as a pass.
 */
public final class SuiteVerdicts {
    private static final Set<String> PASS = Set.of("reproduced", "held", "safe-by-coherence", "observed", "measured");
    private static final Set<String> INFO = Set.of("reported", "not-on-x86", "not-run");

    private SuiteVerdicts() {
    }

    public static Tone tone(String verdict) {
        if (verdict != null && PASS.contains(verdict)) {
            return Tone.PASS;
        }
        return verdict != null && INFO.contains(verdict) ? Tone.INFO : Tone.FAIL;
    }
}
