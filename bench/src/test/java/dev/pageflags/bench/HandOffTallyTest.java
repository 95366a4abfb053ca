package dev.pageflags.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The counters tell the kinds of acquisition apart as {@link LockHandOffBench} says they do,
 * replayed step by step: the re-entrant non-fair {@code ReentrantLock} lets the test thread re-acquire while
 * the other thread waits, which makes a barge deterministic.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HandOffTallyTest {
    private final LockHandOffBench bench = new LockHandOffBench();
    private final HandOffTally mine = new HandOffTally();
    private final HandOffTally theirs = new HandOffTally();

    @Test
    void reacquisitionsHandOffsBargesAndParksAreToldApart() throws Exception {
        bench.setUp();
        bench.reentrantLockA(mine);
        bench.reentrantLockA(mine); // taken back, nobody waiting: neither a hand-off nor a barge
        assertCounts(mine, 2, 0, 0);

        // Hold the lock so that the other thread arrives and parks in lock().
        Runnable other = () -> {
            theirs.start();
            bench.reentrantLockB(theirs);
            theirs.stop();
        };
        Thread t = new Thread(other, "thread-B");
        bench.reentrantLock.lock();
        t.start();
        awaitQueued(t);
        bench.reentrantLockA(mine); // re-entered while B waits in lock(): a barge
        assertCounts(mine, 3, 0, 1);
        bench.reentrantLock.unlock();
        t.join(TimeUnit.SECONDS.toMillis(30));
        assertTrue(!t.isAlive(), "thread B never got the lock");
        assertCounts(theirs, 1, 1, 0);
        assertTrue(theirs.parks >= 1, "B slept in lock(), yet parks = " + theirs.parks);

        bench.reentrantLockA(mine); // back from B: a hand-off
        assertCounts(mine, 4, 1, 1);
    }

    private void awaitQueued(Thread t) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!bench.reentrantLock.hasQueuedThread(t) || t.getState() != Thread.State.WAITING) {
            if (System.nanoTime() > deadline) {
                fail("thread B never queued on the lock: " + t.getState());
            }
            Thread.sleep(1);
        }
    }

    private static void assertCounts(HandOffTally t, long ops, long handOffs, long barges) {
        assertEquals(ops + " calls, " + handOffs + " hand-offs, " + barges + " barges",
                t.ops + " calls, " + t.handOffs + " hand-offs, " + t.barges + " barges");
    }
}
