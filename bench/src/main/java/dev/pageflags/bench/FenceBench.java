package dev.pageflags.bench;

import dev.pageflags.mm.Barriers;
import dev.pageflags.mm.Bitops;
import dev.pageflags.mm.MemMap;
import dev.pageflags.mm.PageFlag;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * {@code smp_mb()} as the model writes it, {@code VarHandle.fullFence()}: alone, and in the
 * store-then-load shape of race 003's fix, where {@code putback_lru_page} sets PG_lru in one word
 * and must then see PG_mlocked in another. The two words are 64 bytes apart.
 *
 * <p>A fence has no result, but it cannot be removed either: the JIT must emit it. HotSpot's x86
 * full fence is a locked add to the stack ({@code lock addl $0,-64(%rsp)}), not {@code mfence};
 * the native floor times both.
 */
@State(Scope.Thread)
public class FenceBench extends NsPerOp {
    private AtomicLongArray words;
    private int storeIndex;
    private int loadIndex;
    private int storeNr;
    private int loadNr;

    @Setup
    public void setUp() {
        MemMap map = MemMap.builder().pages(2).wordsPerPage(8).debugPgflags(false).build();
        words = map.flagWords();
        storeIndex = map.flagIndex(0);
        loadIndex = map.flagIndex(1);
        storeNr = PageFlag.PG_lru.bit();
        loadNr = PageFlag.PG_mlocked.bit();
    }

    @Benchmark
    public void smpMb() {
        Barriers.smpMb();
    }

    /** The broken shape: the set_bit's locked CAS already orders it on x86, but not in the JMM. */
    @Benchmark
    public boolean setBitTestBit() {
        Bitops.setBit(storeNr, words, storeIndex);
        return Bitops.testBit(loadNr, words, loadIndex);
    }

    /** The fixed shape: {@code smp_mb()} between the store and the load. */
    @Benchmark
    public boolean setBitSmpMbTestBit() {
        Bitops.setBit(storeNr, words, storeIndex);
        Barriers.smpMb();
        return Bitops.testBit(loadNr, words, loadIndex);
    }
}
