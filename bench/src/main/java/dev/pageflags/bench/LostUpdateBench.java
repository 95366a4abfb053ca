package dev.pageflags.bench;

import dev.pageflags.mm.Bitops;
import dev.pageflags.mm.MemMap;
import dev.pageflags.mm.PageFlag;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What {@code __set_bit} costs in correctness: two threads, each flipping its own flag of one page's
 * flag word (PG_referenced and PG_dirty), with every lost update counted. Read beside
 * {@link FlagOpsBench} (what the non-atomic form saves in ns) as: lost bits per million operations.
 *
 * <p>Each thread repeats: check its bit is clear, {@code set_bit} it, check it is set, {@code clear_bit}
 * it (or the {@code __} forms). Only this thread ever changes its bit, so a check that finds the bit
 * otherwise than this thread's last write left it has found an update of this thread's undone by the
 * other thread writing back a whole word it read before that update: a lost update. The atomic forms
 * cannot do that, so their count must stay 0.
 *
 * <p>What is counted ({@link Tally}, per thread, JMH's {@code @AuxCounters} summing both threads and
 * all measured iterations): {@code ops}, the set and clear operations; {@code lostUpdates}, the checks
 * that found the thread's own bit not as it left it. A loss the thread overwrites before it looks
 * (the other thread's stale write landing between this thread's check and its next write) is not
 * seen, so {@code lostUpdates} is a lower bound on the overwrites. Both counters are kept by the
 * same code, so their ratio also holds for the calls JMH makes while it lines up the two threads'
 * iterations, which neither counter can tell from measured ones. The checks are one READ_ONCE each
 * ({@code test_bit}) and are inside the timed code for both forms alike; the ns/op here is therefore
 * not the bare cost (see {@link TrueSharingBench} for that).
 */
@State(Scope.Group)
public class LostUpdateBench extends NsPerOp {
    private AtomicLongArray words;
    private int index;
    private int nrA;
    private int nrB;

    @Setup
    public void setUp() {
        MemMap map = MemMap.builder().pages(1).debugPgflags(false).build();
        words = map.flagWords();
        index = map.flagIndex(0);
        nrA = PageFlag.PG_referenced.bit();
        nrB = PageFlag.PG_dirty.bit();
    }

    /**
     * One thread's operations and the lost updates it saw. JMH zeroes the counters at each iteration
     * itself; reset() does the same for callers outside JMH (the unit test).
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Tally {
        public long ops;
        public long lostUpdates;

        @Setup(Level.Iteration)
        public void reset() {
            ops = 0;
            lostUpdates = 0;
        }

        /** Counts a loss when the bit is not what this thread's last write left. */
        void expect(boolean expected, boolean seen) {
            if (seen != expected) {
                lostUpdates++;
            }
        }
    }

    /** Set then clear the thread's own bit with the atomic forms, checking before each. */
    static void atomicRound(int nr, AtomicLongArray words, int index, Tally tally) {
        tally.expect(false, Bitops.testBit(nr, words, index));
        Bitops.setBit(nr, words, index);
        tally.expect(true, Bitops.testBit(nr, words, index));
        Bitops.clearBit(nr, words, index);
        tally.ops += 2;
    }

    /** The same with {@code __set_bit} and {@code __clear_bit}. */
    static void nonAtomicRound(int nr, AtomicLongArray words, int index, Tally tally) {
        tally.expect(false, Bitops.testBit(nr, words, index));
        Bitops.__setBit(nr, words, index);
        tally.expect(true, Bitops.testBit(nr, words, index));
        Bitops.__clearBit(nr, words, index);
        tally.ops += 2;
    }

    @Benchmark
    @Group("setBit")
    @OperationsPerInvocation(2)
    public void setBitA(Tally tally) {
        atomicRound(nrA, words, index, tally);
    }

    @Benchmark
    @Group("setBit")
    @OperationsPerInvocation(2)
    public void setBitB(Tally tally) {
        atomicRound(nrB, words, index, tally);
    }

    @Benchmark
    @Group("__setBit")
    @OperationsPerInvocation(2)
    public void __setBitA(Tally tally) {
        nonAtomicRound(nrA, words, index, tally);
    }

    @Benchmark
    @Group("__setBit")
    @OperationsPerInvocation(2)
    public void __setBitB(Tally tally) {
        nonAtomicRound(nrB, words, index, tally);
    }
}
