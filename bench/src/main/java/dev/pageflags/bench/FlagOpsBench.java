package dev.pageflags.bench;

import dev.pageflags.mm.Bitops;
import dev.pageflags.mm.MemMap;
import dev.pageflags.mm.Page;
import dev.pageflags.mm.PageFlag;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What one flag operation costs on a page no other thread touches: the flag word stays in this
 * core's cache, and every operation updates that one word, each waiting on the one before (latency;
 * {@link IndependentWordsBench} measures throughput over independent words). Each figure is read
 * against the JVM floor in the same harness and state shape ({@link JvmFloorBench}), with the native
 * floor beside it as the hardware's word.
 *
 * <p>JMH pitfalls and how each is met:
 * <ul>
 * <li>Constant folding (JMH sample 10): the bit number, the array and the index are fields of a
 *     {@code Scope.Thread} state, never literals, so the JIT cannot fold the mask or drop the
 *     bounds check the model's real callers pay.</li>
 * <li>Dead code (samples 08, 09): a value-returning operation is returned or sunk in a
 *     {@link Blackhole}. The void ones store to the state's shared array with opaque, release or
 *     volatile access, which the JIT must perform on every call; none of them can vanish.</li>
 * <li>Steady state: {@code set_bit} on a set bit still does its locked RMW (the model's CAS loop
 *     writes the same value back, as {@code lock or} does), so repeating it measures the real op.
 *     The test-and-* forms return early when there is nothing to change (the model, like
 *     asm-generic, reads first), so they are measured in set/clear pairs that flip the bit each
 *     time, and reported per operation ({@code @OperationsPerInvocation(2)}).</li>
 * </ul>
 */
@State(Scope.Thread)
public class FlagOpsBench extends NsPerOp {
    private AtomicLongArray words;
    private int index;
    /** PG_referenced, bit 1: the native floor's {@code lock or $2} sets the same bit. */
    private int nr;
    private int lockNr;
    /** PG_uptodate, set once in setup and never cleared. */
    private int alreadySetNr;
    private PageFlag flag;
    private Page page;
    /** A page of a mem_map with the model's CONFIG_DEBUG_VM_PGFLAGS check on. */
    private Page checkedPage;

    @Setup
    public void setUp() {
        MemMap map = MemMap.builder().pages(1).debugPgflags(false).build();
        page = map.page(0);
        words = map.flagWords();
        index = map.flagIndex(0);
        flag = PageFlag.PG_referenced;
        nr = flag.bit();
        lockNr = PageFlag.PG_locked.bit();
        alreadySetNr = PageFlag.PG_uptodate.bit();
        Bitops.setBit(alreadySetNr, words, index);
        // Refcount 0: the debug check lets the non-atomic op through, after paying for the check.
        checkedPage = MemMap.builder().pages(1).debugPgflags(true).build().page(0);
    }

    /** The JMH loop and a field read, for reference; no figure is corrected by it (costs do not add up). */
    @Benchmark
    public AtomicLongArray baseline() {
        return words;
    }

    /** {@code set_bit}: the model's release CAS loop (x86: load + {@code lock cmpxchg}). */
    @Benchmark
    public void setBit() {
        Bitops.setBit(nr, words, index);
    }

    /** {@code clear_bit}: the same loop with an and-not. */
    @Benchmark
    public void clearBit() {
        Bitops.clearBit(nr, words, index);
    }

    /** {@code test_and_set_bit} then {@code test_and_clear_bit}, each one changing the bit. */
    @Benchmark
    @OperationsPerInvocation(2)
    public void testAndSetClearPair(Blackhole bh) {
        bh.consume(Bitops.testAndSetBit(nr, words, index));
        bh.consume(Bitops.testAndClearBit(nr, words, index));
    }

    /** {@code test_and_set_bit} on a bit already set: the model's early return, a volatile load. */
    @Benchmark
    public boolean testAndSetBitAlreadySet() {
        return Bitops.testAndSetBit(alreadySetNr, words, index);
    }

    /** {@code test_and_set_bit_lock} then {@code clear_bit_unlock}: the unlock is a CAS loop. */
    @Benchmark
    @OperationsPerInvocation(2)
    public void bitLockUnlockPair(Blackhole bh) {
        bh.consume(Bitops.testAndSetBitLock(lockNr, words, index));
        Bitops.clearBitUnlock(lockNr, words, index);
    }

    /**
     * {@code test_and_set_bit_lock} then {@code clear_bit_unlock_is_negative_byte}: the unlock is
     * one {@code getAndAdd} ({@code lock xadd}), the form unlock_page uses.
     */
    @Benchmark
    @OperationsPerInvocation(2)
    public void bitLockUnlockIsNegativeBytePair(Blackhole bh) {
        bh.consume(Bitops.testAndSetBitLock(lockNr, words, index));
        bh.consume(Bitops.clearBitUnlockIsNegativeByte(lockNr, words, index));
    }

    /** {@code __set_bit}: opaque load, or, opaque store; no lock prefix. */
    @Benchmark
    public void __setBit() {
        Bitops.__setBit(nr, words, index);
    }

    /** {@code __clear_bit}. */
    @Benchmark
    public void __clearBit() {
        Bitops.__clearBit(nr, words, index);
    }

    /** {@code __test_and_set_bit} then {@code __test_and_clear_bit}. */
    @Benchmark
    @OperationsPerInvocation(2)
    public void __testAndSetClearPair(Blackhole bh) {
        bh.consume(Bitops.__testAndSetBit(nr, words, index));
        bh.consume(Bitops.__testAndClearBit(nr, words, index));
    }

    /** {@code SetPageReferenced(page)}: set_bit through the page handle. */
    @Benchmark
    public void pageSet() {
        page.set(flag);
    }

    /** {@code ClearPageReferenced(page)}. */
    @Benchmark
    public void pageClear() {
        page.clear(flag);
    }

    /** {@code __SetPageReferenced(page)}, debug check off: the handle plus one branch. */
    @Benchmark
    public void page__set() {
        page.__set(flag);
    }

    /** {@code __ClearPageReferenced(page)}, debug check off. */
    @Benchmark
    public void page__clear() {
        page.__clear(flag);
    }

    /** {@code __SetPageReferenced(page)} with the refcount check of seed 004 (two extra loads). */
    @Benchmark
    public void page__setChecked() {
        checkedPage.__set(flag);
    }
}
