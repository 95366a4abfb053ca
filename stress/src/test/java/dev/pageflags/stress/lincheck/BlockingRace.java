package dev.pageflags.stress.lincheck;

import dev.pageflags.stress.RaceScenario;

/**
 * A race whose {@link #actor2()} sleeps on a real blocking primitive and, in the bad case, is never
 * woken, so it never returns.
 *
 * <p>Waiting for such an actor proves nothing under Lincheck: its parking model allows spurious
 * wake-ups and reports a thread that can never proceed as a hang, whatever the cause. Instead the
 * driver waits for {@link #actor1()} (the waker) alone and asks {@link #wakeUpLost()} about the
 * decision it took: the sleeper is queued, nobody will ever wake it, and the resource it waits for
 * is free. Once that verdict is taken, {@link #rescueSleeper()} wakes the sleeper by hand so the
 * invocation ends and Lincheck reports the verdict, not a hang.
 */
interface BlockingRace extends RaceScenario {
    /** Asked once {@code actor1} has returned, while {@code actor2} may still be parked. */
    boolean wakeUpLost();

    /**
     * Called only after {@link #wakeUpLost()} said true and the end state was described: undo the
     * loss (test scaffolding, not part of the race) so that {@code actor2} can return.
     */
    void rescueSleeper();
}
