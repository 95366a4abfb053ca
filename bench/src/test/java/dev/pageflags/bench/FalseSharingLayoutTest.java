package dev.pageflags.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The layout FalseSharingBench relies on, with the array 64-byte aligned and its elements from offset 16. */
class FalseSharingLayoutTest {
    private static final int BASE = 16;

    private static int line(int page, int wordsPerPage) {
        return (BASE + Long.BYTES * wordsPerPage * page) / 64;
    }

    @Test
    void packedPagesShareALineThatIsNotTheHeaders() {
        int first = FalseSharingBench.firstPage(1);
        assertEquals(line(first, 1), line(first + 1, 1));
        assertTrue(line(first, 1) > 0);
    }

    @Test
    void spacedPagesSitOnSeparateLinesPastTheHeader() {
        for (int wpp : new int[] {8, 16}) {
            int first = FalseSharingBench.firstPage(wpp);
            assertTrue(line(first, wpp) > 0, "page A is past the header's line");
            assertEquals(wpp / 8, line(first + 1, wpp) - line(first, wpp), "lines between A and B");
        }
    }
}
