package dev.pageflags.bench;

/**
 * Where FalseSharingBench puts its two threads' flag words, in a packed mem_map (one word per page)
 * whose array starts a cache line. Element {@code i} of a {@code long[]} lies {@code base + 8 i}
 * bytes into the array, so on line {@code (base + 8 i) / 64}, and in the 128-byte pair of lines
 * {@code line / 2} that an adjacent-line prefetcher fetches together.
 *
 * <p>Line 0 holds the array's header, whose length every bounds check reads, and line 1 is its pair
 * partner: both words stay out of that pair, so neither thread's writes disturb the other's reads of
 * the header. Word A starts line 2 (pair 1); word B sits on the same line, on line 3 (the other
 * half of pair 1), or on line 4 (pair 2).
 */
public enum CacheLinePlacement {
    /** Both words on one line: false sharing. */
    SAME_LINE(2),
    /** Adjacent lines of one 128-byte pair: no shared line, but a shared pair. */
    ADJACENT_LINES(3),
    /** Lines in different pairs, 128 bytes apart. */
    SEPARATE_PAIRS(4);

    private static final int LINE_A = 2;

    private final int lineB;

    CacheLinePlacement(int lineB) {
        this.lineB = lineB;
    }

    /** Pages (= word indices) needed to reach word B's line. */
    static int pagesNeeded(long base) {
        return firstIndexOnLine(5, base);
    }

    /** Word A's index. */
    static int indexA(long base) {
        return firstIndexOnLine(LINE_A, base);
    }

    /** Word B's index: A's neighbour on the same line, or the first word of B's line. */
    int indexB(long base) {
        return this == SAME_LINE ? indexA(base) + 1 : firstIndexOnLine(lineB, base);
    }

    static int line(int index, long base) {
        return (int) ((base + (long) Long.BYTES * index) / AlignedForks.LINE);
    }

    static int pair(int index, long base) {
        return line(index, base) / 2;
    }

    private static int firstIndexOnLine(int line, long base) {
        return (int) ((AlignedForks.LINE * (long) line - base + Long.BYTES - 1) / Long.BYTES);
    }

    /** Throws unless the two words sit as this placement says, both clear of the header's pair. */
    void check(int indexA, int indexB, long base) {
        int lineA = line(indexA, base);
        int lineOfB = line(indexB, base);
        boolean ok = pair(indexA, base) > 0 && pair(indexB, base) > 0 && switch (this) {
            case SAME_LINE -> lineA == lineOfB;
            case ADJACENT_LINES -> lineOfB == lineA + 1 && pair(indexA, base) == pair(indexB, base);
            case SEPARATE_PAIRS -> pair(indexA, base) != pair(indexB, base);
        };
        if (!ok) {
            throw new IllegalStateException(this + ": words " + indexA + " and " + indexB + " of a long[] with"
                    + " elements from offset " + base + " lie on lines " + lineA + " and " + lineOfB);
        }
    }
}
