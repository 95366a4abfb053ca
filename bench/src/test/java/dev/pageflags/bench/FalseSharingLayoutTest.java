package dev.pageflags.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FalseSharingBench's placements for every long[] header HotSpot has (16 bytes with compressed or
 * compact class pointers, 24 without), and its refusal of a fork without the alignment flag.
 */
class FalseSharingLayoutTest {
    private static final long[] BASES = {16, 24};

    @Test
    void eachPlacementPutsTheWordsWhereItsNameSays() {
        for (long base : BASES) {
            int a = CacheLinePlacement.indexA(base);
            assertEquals(2, CacheLinePlacement.line(a, base), "A starts line 2, base " + base);
            assertEquals(128, base + 8L * a, "A is the first word of line 2, base " + base);
            for (CacheLinePlacement p : CacheLinePlacement.values()) {
                int b = p.indexB(base);
                assertTrue(b < CacheLinePlacement.pagesNeeded(base), p + ": B inside the array, base " + base);
                assertDoesNotThrow(() -> p.check(a, b, base), p + ", base " + base);
            }
            int same = CacheLinePlacement.SAME_LINE.indexB(base);
            int adjacent = CacheLinePlacement.ADJACENT_LINES.indexB(base);
            int separate = CacheLinePlacement.SEPARATE_PAIRS.indexB(base);
            assertEquals(CacheLinePlacement.line(a, base), CacheLinePlacement.line(same, base));
            assertEquals(CacheLinePlacement.pair(a, base), CacheLinePlacement.pair(adjacent, base),
                    "64 B apart, one 128-byte pair");
            assertNotEquals(CacheLinePlacement.line(a, base), CacheLinePlacement.line(adjacent, base));
            assertNotEquals(CacheLinePlacement.pair(a, base), CacheLinePlacement.pair(separate, base),
                    "the 128-byte case really is another pair");
        }
    }

    @Test
    void checkRejectsWordsThatDoNotSitAsNamed() {
        long base = 16;
        int a = CacheLinePlacement.indexA(base);
        int adjacent = CacheLinePlacement.ADJACENT_LINES.indexB(base);
        assertThrows(IllegalStateException.class, () -> CacheLinePlacement.SAME_LINE.check(a, adjacent, base));
        assertThrows(IllegalStateException.class, () -> CacheLinePlacement.SEPARATE_PAIRS.check(a, adjacent, base));
        // The old layout's flaw: word 8 sits on line 1, the header's pair.
        assertThrows(IllegalStateException.class, () -> CacheLinePlacement.ADJACENT_LINES.check(8, 16, base));
    }

    @Test
    void aForkWithoutTheFlagIsRefusedWithAReason() {
        String problem = AlignedForks.problem(List.of("-Xmx1g", "-XX:+UseParallelGC"), "8").orElseThrow();
        assertTrue(problem.contains("-XX:ObjectAlignmentInBytes=64") && problem.contains("-jvmArgsAppend"), problem);
        String overridden = AlignedForks.problem(
                List.of("-XX:ObjectAlignmentInBytes=64", "-XX:ObjectAlignmentInBytes=16"), "16").orElseThrow();
        assertTrue(overridden.contains("-XX:ObjectAlignmentInBytes=16"), overridden);
        assertTrue(AlignedForks.problem(List.of("-XX:ObjectAlignmentInBytes=64"), "8").isPresent(),
                "the VM's effective value is checked too");
        assertTrue(AlignedForks.problem(List.of("-Xss1m", "-XX:ObjectAlignmentInBytes=64"), "64").isEmpty());
    }

    @Test
    void thisVmsLongArrayLayoutIsReadable() {
        long base = AlignedForks.longArrayBaseOffset();
        assertTrue(base == 16 || base == 24, "a long[]'s elements start at " + base);
    }

    @Test
    void thisTestVmWithoutTheFlagIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> AlignedForks.requireLineAlignedObjects("FalseSharingBench"));
        assertTrue(e.getMessage().startsWith("FalseSharingBench refuses to run"), e.getMessage());
    }
}
