package dev.pageflags.stress.lincheck;

import dev.pageflags.stress.RaceScenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The instrument's own check: can Lincheck see a race on a plain field on this JVM?
 *
 * <p>Measured here: Lincheck 3.6 and 3.7 on JDK 25 put no thread switch at plain or volatile field
 * and array accesses (only at calls on atomics and VarHandles), so they report this lost update
 * clean after a dozen "complete" interleavings; on JDK 17 they find it at once. The race checks of this package then still find the races of
 * the model (its flag words are atomics), but a fixed variant's clean pass would say nothing about
 * its plain fields. So this check fails the build wherever the checks run blind: run them on
 * JDK 17 (the {@code lincheck-jdk17} profile does when it finds one).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LincheckSeesPlainFieldsTest {

    /** {@code __clear_bit} against {@code __set_bit} on one plain word: the second store wins. */
    static final class PlainLostUpdate implements RaceScenario {
        private long word = 0b10;

        @Override
        public void actor1() {
            long old = word;
            word = old & ~0b10L;
        }

        @Override
        public void actor2() {
            long old = word;
            word = old | 0b100L;
        }

        @Override
        public boolean badEndState() {
            return word != 0b100L;
        }

        @Override
        public String describeEndState() {
            return "word " + Long.toBinaryString(word) + (badEndState() ? ": one update lost" : "");
        }
    }

    @Test
    void plainLostUpdateIsFound() {
        Exploration e = LincheckRaceDriver.explore(() -> new PlainLostUpdate(), false, 100);
        assertTrue(e.violationFound(), () -> "Lincheck " + RunEnvironment.lincheckVersion() + " on "
                + RunEnvironment.jvm() + " did not find a lost update on a plain field (" + e.summary() + "):"
                + " it is blind to plain accesses on this JVM, and clean passes of fixed variants prove"
                + " nothing. Run the Lincheck checks on JDK 17 (-Dlincheck.java=/path/to/jdk17/bin/java).");
    }
}
