package dev.pageflags.stress.lincheck;

import dev.pageflags.stress.RaceScenario;
import org.jetbrains.lincheck.Lincheck;
import org.jetbrains.lincheck.LincheckAssertionError;

import java.util.function.Supplier;

/**
 * Drives one {@link RaceScenario} under Lincheck's model checker: a fresh scenario per invocation,
 * {@code actor1} and {@code actor2} on two threads, then the scenario's own end-state check.
 *
 * <p>The race is the one JCStress runs; nothing of it is restated here. Lincheck
 * ({@code Lincheck.runConcurrentTest}) instruments the code the block reaches, schedules the
 * threads itself and tries interleavings of their shared-memory accesses under sequential
 * consistency, fewest thread switches first. An interleaving whose end state is bad surfaces as a
 * {@link LincheckAssertionError} naming {@link BadEndState}; any other failure Lincheck reports (a
 * hang, a livelock, an exception of the model) is kept apart, as a defect rather than a verdict.
 */
final class LincheckRaceDriver {
    private LincheckRaceDriver() {
    }

    /**
     * @param waiterSleeps the race's {@code actor2} blocks for real and, in the bad case, never
     *                     returns: the end state is judged once {@code actor1} (the waker) returned
     */
    static Exploration explore(Supplier<? extends RaceScenario> factory, boolean waiterSleeps, int bound) {
        InvocationTally tally = new InvocationTally();
        long start = System.nanoTime();
        String report = null;
        Throwable other = null;
        try {
            Lincheck.runConcurrentTest(bound, () -> {
                tally.runStarted();
                try {
                    if (waiterSleeps) {
                        runWithSleepingWaiter(factory.get());
                    } else {
                        runOnce(factory.get());
                    }
                } catch (BadEndState bad) {
                    tally.violationFound();
                    throw bad;
                }
            });
        } catch (LincheckAssertionError failure) {
            if (failure.getMessage() != null && failure.getMessage().contains(BadEndState.class.getName())) {
                report = failure.getMessage();
            } else {
                other = failure;
            }
        } catch (RuntimeException failure) {
            other = failure;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Exploration(bound, tally.explored(), tally.runs(), report != null, report, other, millis);
    }

    /** Both actors on their own threads, then the verdict on the end state. */
    private static void runOnce(RaceScenario race) {
        Thread first = new Thread(race::actor1);
        Thread second = new Thread(race::actor2);
        first.start();
        second.start();
        join(first);
        join(second);
        if (race.badEndState()) {
            throw new BadEndState(race.describeEndState());
        }
    }

    /**
     * A waiter that may sleep for ever: waiting for it proves nothing under Lincheck, whose parking
     * model calls a thread that can never proceed a hang, whatever the cause. So once the waker
     * returned, the main thread waits until the waiter either returned or is in the scenario's bad
     * end state (queued, never woken, nobody left to wake it), and judges that decision. A lost
     * waiter is then woken by {@link SleeperRescue}, or Lincheck would report a hang, not the race.
     */
    private static void runWithSleepingWaiter(RaceScenario race) {
        Thread waker = new Thread(race::actor1);
        SleepingWaiter waiter = new SleepingWaiter(race);
        Thread sleeper = new Thread(waiter);
        waker.start();
        sleeper.start();
        join(waker);
        while (!waiter.returned() && !race.badEndState()) {
            Thread.onSpinWait();
        }
        if (!waiter.returned()) {
            String lost = race.describeEndState();
            SleeperRescue.wakeLostWaiter(race);
            join(sleeper);
            throw new BadEndState(lost);
        }
        join(sleeper);
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + t.getName(), e);
        }
    }
}
