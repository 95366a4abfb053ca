package dev.pageflags.bench;

import dev.pageflags.mm.Bitops;
import dev.pageflags.mm.MemMap;
import dev.pageflags.mm.PageFlag;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Two threads updating different flags of the same page: one flag word, true sharing. The cache
 * line moves between the two cores on every write, which is the price the kernel pays when, say,
 * reclaim sets PG_referenced while a writer sets PG_dirty on the same page.
 *
 * <p>{@code Scope.Group} (JMH sample 15): the two threads of a group share one page, and each
 * group method is one thread. The non-atomic group loses updates, as race 004 does; only its
 * cost is of interest here. Read each figure against {@link FlagOpsBench}'s single-thread one.
 */
@State(Scope.Group)
public class TrueSharingBench extends NsPerOp {
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

    @Benchmark
    @Group("setBit")
    public void setBitA() {
        Bitops.setBit(nrA, words, index);
    }

    @Benchmark
    @Group("setBit")
    public void setBitB() {
        Bitops.setBit(nrB, words, index);
    }

    @Benchmark
    @Group("__setBit")
    public void __setBitA() {
        Bitops.__setBit(nrA, words, index);
    }

    @Benchmark
    @Group("__setBit")
    public void __setBitB() {
        Bitops.__setBit(nrB, words, index);
    }

    @Benchmark
    @Group("testAndSetClearPair")
    @OperationsPerInvocation(2)
    public void testAndSetClearPairA(Blackhole bh) {
        bh.consume(Bitops.testAndSetBit(nrA, words, index));
        bh.consume(Bitops.testAndClearBit(nrA, words, index));
    }

    @Benchmark
    @Group("testAndSetClearPair")
    @OperationsPerInvocation(2)
    public void testAndSetClearPairB(Blackhole bh) {
        bh.consume(Bitops.testAndSetBit(nrB, words, index));
        bh.consume(Bitops.testAndClearBit(nrB, words, index));
    }
}
