package dev.pageflags.bench;

import dev.pageflags.mm.MemMap;
import dev.pageflags.mm.PageFlag;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The JVM floor: the best Java can do for each flag operation, measured in the same harness and
 * state shape as {@link FlagOpsBench} (one thread, one word, the array, the index and the bit number
 * in fields of a {@code Scope.Thread} state, the mask computed from the bit number on every call), so
 * that the model's figure over this one is what the model adds, and nothing of JMH's.
 *
 * <ul>
 * <li>{@code long[]} with {@code |=} and {@code &= ~}: the plain read-modify-write a Java programmer
 *     writes, the floor of {@code __set_bit} and {@code __clear_bit}.</li>
 * <li>{@code VarHandle} on a {@code long[]} element ({@code arrayElementVarHandle(long[].class)}):
 *     {@code getAndBitwiseOr}, {@code getAndBitwiseAnd}, {@code getAndAdd} and
 *     {@code compareAndExchange}, the floor of {@code set_bit}, {@code clear_bit} and
 *     {@code clear_bit_unlock_is_negative_byte}. {@code getAndBitwiseOrRelease} is the mode the model's
 *     {@code set_bit} uses.</li>
 * <li>{@code AtomicLongArray.getPlain/setPlain}: the model's data structure with the floor's access
 *     mode, which splits the model's distance from the {@code long[]} floor into the extra
 *     indirection (this one over {@code long[]}) and the opaque access mode ({@code __set_bit} over
 *     this one).</li>
 * </ul>
 *
 * <p>Nothing can be folded away: the value-returning operations return their result (JMH sinks it),
 * the void ones store into an array the state holds, which the JIT must keep; and the JMH loop reads
 * a volatile flag between calls, so no access is hoisted out of it. No call allocates.
 */
@State(Scope.Thread)
public class JvmFloorBench extends NsPerOp {
    private static final VarHandle WORDS = MethodHandles.arrayElementVarHandle(long[].class);

    private long[] words;
    private AtomicLongArray atomicWords;
    private int index;
    /** PG_referenced, as in FlagOpsBench. */
    private int nr;

    @Setup
    public void setUp() {
        // The same shape as FlagOpsBench's mem_map of one page: the word at its flag index.
        MemMap map = MemMap.builder().pages(1).debugPgflags(false).build();
        index = map.flagIndex(0);
        words = new long[map.flagWords().length()];
        atomicWords = new AtomicLongArray(map.flagWords().length());
        nr = PageFlag.PG_referenced.bit();
    }

    /** {@code w[i] |= m}: floor of {@code __set_bit}. */
    @Benchmark
    public void longArrayOr() {
        words[index] |= 1L << nr;
    }

    /** {@code w[i] &= ~m}: floor of {@code __clear_bit}. */
    @Benchmark
    public void longArrayAndNot() {
        words[index] &= ~(1L << nr);
    }

    /** {@code getPlain}, or, {@code setPlain} through the AtomicLongArray the model keeps its words in. */
    @Benchmark
    public void atomicLongArrayPlainOr() {
        atomicWords.setPlain(index, atomicWords.getPlain(index) | 1L << nr);
    }

    /** Volatile {@code getAndBitwiseOr}: floor of {@code set_bit}. */
    @Benchmark
    public long getAndBitwiseOr() {
        return (long) WORDS.getAndBitwiseOr(words, index, 1L << nr);
    }

    /** {@code getAndBitwiseOrRelease}: the release mode of the model's {@code set_bit}. */
    @Benchmark
    public long getAndBitwiseOrRelease() {
        return (long) WORDS.getAndBitwiseOrRelease(words, index, 1L << nr);
    }

    /** Volatile {@code getAndBitwiseAnd} with the complement: floor of {@code clear_bit}. */
    @Benchmark
    public long getAndBitwiseAnd() {
        return (long) WORDS.getAndBitwiseAnd(words, index, ~(1L << nr));
    }

    /** Volatile {@code getAndAdd} (x86: {@code lock xadd}): floor of {@code clear_bit_unlock_is_negative_byte}. */
    @Benchmark
    public long getAndAdd() {
        return (long) WORDS.getAndAdd(words, index, 1L << nr);
    }

    /**
     * A plain load, then a volatile {@code compareAndExchange} of it with the bit or-ed in: one
     * uncontended pass of a CAS loop, the shape of the model's {@code set_bit}.
     */
    @Benchmark
    public long compareAndExchange() {
        long old = words[index];
        return (long) WORDS.compareAndExchange(words, index, old, old | 1L << nr);
    }
}
