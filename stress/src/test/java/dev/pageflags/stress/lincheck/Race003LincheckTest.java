package dev.pageflags.stress.lincheck;

import dev.pageflags.stress.Race003_PutbackRescueMissingSmpMb;
import dev.pageflags.stress.Race003_PutbackRescueMissingSmpMb.Shape;
import org.junit.jupiter.api.Test;

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
class Race003LincheckTest {
    private static final String WHY = "Store buffering: no sequentially consistent interleaving strands the page.";

    @Test
    void separateWordsWithoutBarrierPassesUnderSequentialConsistency() {
        RaceChecks.expectPassNotApplicable(Race003_PutbackRescueMissingSmpMb.HypotheticalLayoutNoBarrier.class,
                () -> new Race003_PutbackRescueMissingSmpMb.Scenario(Shape.HYPOTHETICAL_LAYOUT_NO_BARRIER), Bounds.FIXED,
                WHY + " JCStress observes it on x86 (the store buffer).");
    }

    @Test
    void separateWordsWithSmpMbPassesUnderSequentialConsistency() {
        RaceChecks.expectPassNotApplicable(Race003_PutbackRescueMissingSmpMb.HypotheticalLayoutSmpMb.class,
                () -> new Race003_PutbackRescueMissingSmpMb.Scenario(Shape.HYPOTHETICAL_LAYOUT_SMP_MB), Bounds.FIXED,
                WHY + " The pass cannot tell whether smp_mb() is needed; JCStress grades the fix.");
    }

    @Test
    void sameWordWithoutBarrierPassesUnderSequentialConsistency() {
        RaceChecks.expectPassNotApplicable(Race003_PutbackRescueMissingSmpMb.KernelLayoutNoBarrier.class,
                () -> new Race003_PutbackRescueMissingSmpMb.Scenario(Shape.KERNEL_LAYOUT_NO_BARRIER), Bounds.FIXED,
                WHY + " Whether coherence of one word holds on hardware is JCStress's question too.");
    }
}
