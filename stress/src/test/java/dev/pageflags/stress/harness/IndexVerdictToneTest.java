package dev.pageflags.stress.harness;

import dev.pageflags.report.SuiteVerdicts;
import dev.pageflags.report.Tone;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The results page (in the model module, which cannot see this enum) colours the suite's verdict words
 * from its own list; this keeps that list in step with {@link Verdict}: a verdict that fails the build
 * reads as a failure on the page, a pass as a pass, a no-verdict as information.
 */
class IndexVerdictToneTest {
    @Test
    void everyVerdictHasTheToneOfItsEffect() {
        for (Verdict v : Verdict.values()) {
            Tone expected = switch (v.effect()) {
                case PASS -> Tone.PASS;
                case INFO -> Tone.INFO;
                case FAIL, ERROR -> Tone.FAIL;
            };
            assertEquals(expected, SuiteVerdicts.tone(v.label()), v.label());
        }
    }
}
