package dev.pageflags.bench;

import dev.pageflags.mm.Bitops;
import dev.pageflags.mm.MemMap;
import dev.pageflags.mm.PageFlag;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Throughput where atomic and non-atomic differ most: one thread setting a flag on 64 pages in turn,
 * each page's flag word alone on its 64-byte line ({@code wordsPerPage(8)}, a real {@code struct
 * page}'s spacing), so no operation waits on the one before. Plain read-modify-writes of different
 * lines overlap in the pipeline and retire through the store buffer; a locked one drains the store
 * buffer first, so consecutive locked operations cannot overlap. {@link FlagOpsBench} measures the
 * other case, every operation on one word (latency).
 *
 * <p>Each invocation walks the 64 pages once, the index advancing one line per operation, and counts
 * as 64 operations ({@code @OperationsPerInvocation}). The 64 lines (4 KiB) stay in L1. The walk is a
 * loop inside the benchmark on purpose: the JIT may unroll it, which is what it does to such loops in
 * real code, but it cannot merge or drop the stores (each goes to a different word of an array the
 * state holds) nor hoist the atomics. The {@code getAndBitwiseOr} walk adds up the returned old values
 * into one result, which it returns.
 */
@State(Scope.Thread)
public class IndependentWordsBench extends NsPerOp {
    /** Pages walked per invocation. */
    static final int PAGES = 64;
    /** Longs per 64-byte line: one flag word per line. */
    static final int WORDS_PER_PAGE = 8;

    private static final VarHandle WORDS = MethodHandles.arrayElementVarHandle(long[].class);

    private AtomicLongArray flagWords;
    private long[] words;
    private int nr;

    @Setup
    public void setUp() {
        MemMap map = MemMap.builder().pages(PAGES).wordsPerPage(WORDS_PER_PAGE).debugPgflags(false).build();
        flagWords = map.flagWords();
        words = new long[flagWords.length()];
        nr = PageFlag.PG_referenced.bit();
    }

    /** {@code set_bit} on each page's flag word in turn. */
    @Benchmark
    @OperationsPerInvocation(PAGES)
    public void setBit() {
        for (int page = 0; page < PAGES; page++) {
            Bitops.setBit(nr, flagWords, page * WORDS_PER_PAGE);
        }
    }

    /** {@code __set_bit} on each page's flag word in turn. */
    @Benchmark
    @OperationsPerInvocation(PAGES)
    public void __setBit() {
        for (int page = 0; page < PAGES; page++) {
            Bitops.__setBit(nr, flagWords, page * WORDS_PER_PAGE);
        }
    }

    /** {@code w[i] |= m} on a {@code long[]} of the same layout: the JVM floor of the {@code __set_bit} walk. */
    @Benchmark
    @OperationsPerInvocation(PAGES)
    public void longArrayOr() {
        for (int page = 0; page < PAGES; page++) {
            words[page * WORDS_PER_PAGE] |= 1L << nr;
        }
    }

    /** Volatile {@code getAndBitwiseOr} on the same layout: the JVM floor of the {@code set_bit} walk. */
    @Benchmark
    @OperationsPerInvocation(PAGES)
    public long getAndBitwiseOr() {
        long seen = 0;
        for (int page = 0; page < PAGES; page++) {
            seen += (long) WORDS.getAndBitwiseOr(words, page * WORDS_PER_PAGE, 1L << nr);
        }
        return seen;
    }
}
