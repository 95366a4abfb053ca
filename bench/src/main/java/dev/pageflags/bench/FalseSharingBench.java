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
 * Two threads, each setting a flag of its own page: no word is shared, but with the flag words
 * packed (one long per page, {@code wordsPerPage=1}) the two pages sit in one cache line and the
 * line still bounces: false sharing (JMH sample 22). {@code wordsPerPage=8} puts the pages 64
 * bytes apart, a real {@code struct page}'s size: separate lines. {@code wordsPerPage=16} puts them
 * 128 bytes apart as well, out of reach of an adjacent-line prefetcher that pairs lines.
 *
 * <p>Where a line starts depends on where the array lands. JMH pads its states, not the arrays
 * inside them, and a Java array is only 8-byte aligned, so one packed pair in eight would straddle
 * two lines. The forks therefore run with {@code -XX:ObjectAlignmentInBytes=64}: the array starts a
 * line. That first line also holds the array's header, whose length field every access reads for
 * its bounds check, so the two pages start past it ({@link #firstPage}): a thread writing page 0
 * would otherwise slow down the other thread's reads of the length, sharing where none is meant.
 */
@State(Scope.Group)
@Fork(value = 2, jvmArgsAppend = "-XX:ObjectAlignmentInBytes=64")
public class FalseSharingBench extends NsPerOp {
    @Param({"1", "8", "16"})
    public int wordsPerPage;

    private AtomicLongArray words;
    private int indexA;
    private int indexB;
    private int nr;

    @Setup
    public void setUp() {
        int first = firstPage(wordsPerPage);
        MemMap map = MemMap.builder().pages(first + 2).wordsPerPage(wordsPerPage).debugPgflags(false).build();
        words = map.flagWords();
        indexA = map.flagIndex(first);
        indexB = map.flagIndex(first + 1);
        nr = PageFlag.PG_referenced.bit();
    }

    /** The first page whose flag word lies beyond the array's first 64 bytes (header included). */
    static int firstPage(int wordsPerPage) {
        int pageBytes = Long.BYTES * wordsPerPage;
        return (64 + pageBytes - 1) / pageBytes;
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
