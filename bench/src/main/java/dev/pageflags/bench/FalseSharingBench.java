package dev.pageflags.bench;

import dev.pageflags.mm.Bitops;
import dev.pageflags.mm.MemMap;
import dev.pageflags.mm.PageFlag;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Two threads, each setting a flag of its own page: no word is shared, but with the flag words packed
 * (one long per page, the model's default) neighbouring pages share a cache line, and the line
 * bounces between the cores anyway: false sharing (JMH sample 22). The {@link CacheLinePlacement}
 * parameter puts the two words on one line, on the two adjacent lines of one 128-byte pair (which an
 * adjacent-line prefetcher fetches together), or in different pairs, so the last two cases tell
 * whether the pair matters on this machine, apart from the line.
 *
 * <p>Where a line starts depends on where the array lands, and a Java array is only 8-byte aligned
 * by default. The forks run with {@code -XX:ObjectAlignmentInBytes=64}, so the array starts a line,
 * and {@code @Setup} checks that rather than assuming it: the fork's own arguments and the VM's
 * effective setting, the offset of element 0 behind the array header, and the lines and pairs the
 * two words end up on ({@link AlignedForks}, {@link CacheLinePlacement#check}). A run that drops the
 * flag (JMH's {@code -jvmArgsAppend} on the command line replaces the annotation's) fails here.
 *
 * <p>{@code @Fork} here sets only the JVM flag; JMH takes the fork count from {@link NsPerOp}.
 */
@State(Scope.Group)
@Fork(jvmArgsAppend = AlignedForks.FLAG)
public class FalseSharingBench extends NsPerOp {
    @Param({"SAME_LINE", "ADJACENT_LINES", "SEPARATE_PAIRS"})
    public CacheLinePlacement placement;

    private AtomicLongArray words;
    private int indexA;
    private int indexB;
    private int nr;

    @Setup
    public void setUp() {
        AlignedForks.requireLineAlignedObjects("FalseSharingBench");
        long base = AlignedForks.longArrayBaseOffset();
        MemMap map = MemMap.builder().pages(CacheLinePlacement.pagesNeeded(base)).debugPgflags(false).build();
        words = map.flagWords();
        indexA = map.flagIndex(CacheLinePlacement.indexA(base));
        indexB = map.flagIndex(placement.indexB(base));
        placement.check(indexA, indexB, base);
        nr = PageFlag.PG_referenced.bit();
    }

    @Benchmark
    @Group("setBit")
    public void setBitA() {
        Bitops.setBit(nr, words, indexA);
    }

    @Benchmark
    @Group("setBit")
    public void setBitB() {
        Bitops.setBit(nr, words, indexB);
    }

    @Benchmark
    @Group("__setBit")
    public void __setBitA() {
        Bitops.__setBit(nr, words, indexA);
    }

    @Benchmark
    @Group("__setBit")
    public void __setBitB() {
        Bitops.__setBit(nr, words, indexB);
    }
}
