package dev.pageflags.stress.lincheck;

import dev.pageflags.stress.RaceScenario;
import org.jetbrains.lincheck.Lincheck;
import org.jetbrains.lincheck.LincheckAssertionError;

import java.util.function.Supplier;

/**
 * Drives one {@link RaceScenario} under Lincheck's model checker: a fresh scenario per invocation,
 * {@code actor1} and {@code actor2} on two threads, then the scenario's own end-state check.
 *
 * <p>The race itself is the one JCStress runs; nothing of it is restated here. Lincheck
 * ({@code Lincheck.runConcurrentTest}) instruments the code the block reaches, schedules the two
 * threads itself and tries interleavings of their shared-memory accesses (fields, arrays, atomics,
 * VarHandles; fields and arrays only on JDK 17, see {@link LincheckSeesPlainFieldsTest}), with few
 * thread switches first and more as it goes, under sequential consistency. An interleaving whose end state is bad surfaces as a {@link LincheckAssertionError}
 * whose message shows that interleaving thread by thread.
 *
 * <p>The factory must allocate the scenario in ordinary code, a lambda such as
 * {@code () -> new X()}: see {@link RaceChecks} for what a constructor reference does to Lincheck.
 *
 * <p>Every failure other than the scenario's own {@link BadEndState} (a hang, a livelock, an
 * exception thrown by the model) is rethrown: it is a defect of the test, not a verdict.
 */
final class LincheckRaceDriver {
    private LincheckRaceDriver() {
    }

    static Exploration explore(Supplier<? extends RaceScenario> factory, int bound) {
        InvocationTally tally = new InvocationTally();
        long start = System.nanoTime();
        String report = null;
        try {
            Lincheck.runConcurrentTest(bound, () -> {
                tally.mark();
                runOnce(factory.get());
            });
        } catch (LincheckAssertionError failure) {
            report = failure.getMessage();
            if (report == null || !report.contains(BadEndState.class.getName())) {
                throw failure;
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Exploration(bound, tally.count(), report != null, report, millis);
    }

    /** One invocation: both actors on their own threads, then the verdict on the end state. */
    private static void runOnce(RaceScenario race) {
        Thread first = new Thread(race::actor1);
        Thread second = new Thread(race::actor2);
        first.start();
        second.start();
        join(first);
        if (race instanceof BlockingRace blocking && blocking.wakeUpLost()) {
            String lost = race.describeEndState();
            blocking.rescueSleeper();
            join(second);
            throw new BadEndState(lost);
        }
        join(second);
        if (race.badEndState()) {
            throw new BadEndState(race.describeEndState());
        }
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
