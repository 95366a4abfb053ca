package dev.pageflags.bench;

import dev.pageflags.mm.MemMap;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLongArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** LostUpdateBench's counting: it sees an overwrite, the atomic rounds give none, the non-atomic ones do. */
class LostUpdateCountTest {
    private static final int A = 1;
    private static final int B = 4;

    /** Two rounds on a word of one thread's own: nothing lost, four operations. */
    @Test
    void roundsAloneLoseNothing() {
        AtomicLongArray words = new AtomicLongArray(1);
        LostUpdateBench.Tally tally = new LostUpdateBench.Tally();
        LostUpdateBench.atomicRound(A, words, 0, tally);
        LostUpdateBench.nonAtomicRound(A, words, 0, tally);
        assertEquals(4, tally.ops);
        assertEquals(0, tally.lostUpdates);
        assertEquals(0, words.get(0), "a round leaves its bit clear");
    }

    /** The other thread writing back a word it read while A's bit was set resurrects the bit: one loss. */
    @Test
    void aStaleWriteBackBetweenRoundsIsCountedOnce() {
        AtomicLongArray words = new AtomicLongArray(1);
        LostUpdateBench.Tally tally = new LostUpdateBench.Tally();
        LostUpdateBench.nonAtomicRound(A, words, 0, tally);
        words.set(0, 1L << A | 1L << B); // B's __set_bit storing a word read before A's clear
        LostUpdateBench.nonAtomicRound(A, words, 0, tally);
        assertEquals(1, tally.lostUpdates);
        tally.reset();
        assertEquals(0, tally.ops + tally.lostUpdates, "an iteration starts from zero");
    }

    @Test
    void twoThreadsLoseNothingWithTheAtomicFormsAndSomethingWithTheNonAtomicOnes() {
        assertEquals(0, race(true, Duration.ofSeconds(1)), "set_bit / clear_bit lost an update");
        assertTrue(race(false, Duration.ofSeconds(20)) > 0, "__set_bit / __clear_bit never lost an update");
    }

    /** Two threads on bits A and B of one word until the deadline (or, non-atomic, the first loss). */
    private static long race(boolean atomic, Duration deadline) {
        return assertTimeoutPreemptively(deadline.plusSeconds(10), () -> {
            AtomicLongArray words = MemMap.builder().pages(1).build().flagWords();
            long end = System.nanoTime() + deadline.toNanos();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Long> a = pool.submit(() -> run(atomic, A, words, end));
                Future<Long> b = pool.submit(() -> run(atomic, B, words, end));
                return a.get() + b.get();
            } finally {
                pool.shutdownNow();
            }
        });
    }

    private static long run(boolean atomic, int nr, AtomicLongArray words, long end) {
        LostUpdateBench.Tally tally = new LostUpdateBench.Tally();
        while (System.nanoTime() < end && (atomic || tally.lostUpdates == 0)) {
            for (int i = 0; i < 1000; i++) {
                if (atomic) {
                    LostUpdateBench.atomicRound(nr, words, 0, tally);
                } else {
                    LostUpdateBench.nonAtomicRound(nr, words, 0, tally);
                }
            }
        }
        return tally.lostUpdates;
    }
}
