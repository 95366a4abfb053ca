package dev.pageflags.stress.lincheck;

import dev.pageflags.stress.Race003_PutbackRescueMissingSmpMb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

/**
 * Race 003 under Lincheck: the store-buffering shape of {@code putback_lru_page()} against munlock.
 *
 * <p>The bad end state needs both sides to miss each other's store: each reads the other's flag
 * before the other's store is visible. In a sequentially consistent interleaving one of the two
 * stores comes first and the later reader sees it, so Lincheck, which explores only such
 * interleavings, passes every shape, the broken separate-word one included. That pass is the
 * expected answer for a reordering bug and no verdict on the fix: only real hardware (JCStress)
 * can show the stranded page, and the barrier that prevents it.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class Race003LincheckTest {
    @Test
    void hypotheticalLayoutWithoutBarrierPassesUnderSequentialConsistency() {
        RaceChecks.check(() -> Race003_PutbackRescueMissingSmpMb.HypotheticalLayoutNoBarrier.newScenario());
    }

    @Test
    void hypotheticalLayoutWithSmpMbPassesUnderSequentialConsistency() {
        RaceChecks.check(() -> Race003_PutbackRescueMissingSmpMb.HypotheticalLayoutSmpMb.newScenario());
    }

    /** Checked on every architecture: Lincheck's verdict does not depend on the hardware's ordering. */
    @Test
    void hypotheticalLayoutWithSetBitPassesUnderSequentialConsistency() {
        RaceChecks.check(() -> Race003_PutbackRescueMissingSmpMb.HypotheticalLayoutSetBitNoBarrier.newScenario());
    }

    @Test
    void kernelLayoutWithoutBarrierPassesUnderSequentialConsistency() {
        RaceChecks.check(() -> Race003_PutbackRescueMissingSmpMb.KernelLayoutNoBarrier.newScenario());
    }
}
