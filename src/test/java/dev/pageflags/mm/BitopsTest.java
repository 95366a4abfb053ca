package dev.pageflags.mm;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLongArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BitopsTest {
    private final AtomicLongArray words = new AtomicLongArray(3);

    @Test
    void setAndClearTouchOnlyTheirBit() {
        words.set(1, 0b1010L);
        Bitops.setBit(0, words, 1);
        assertEquals(0b1011L, words.get(1));
        Bitops.clearBit(3, words, 1);
        assertEquals(0b0011L, words.get(1));
        assertEquals(0L, words.get(0), "neighbouring word untouched");
        assertEquals(0L, words.get(2), "neighbouring word untouched");
    }

    @Test
    void bit63IsAnOrdinaryBit() {
        Bitops.setBit(63, words, 0);
        assertEquals(Long.MIN_VALUE, words.get(0));
        assertTrue(Bitops.testBit(63, words, 0));
        assertTrue(Bitops.testAndClearBit(63, words, 0));
        assertEquals(0L, words.get(0));
    }

    @Test
    void testAndSetReturnsTheOldValue() {
        assertFalse(Bitops.testAndSetBit(5, words, 0));
        assertTrue(Bitops.testAndSetBit(5, words, 0));
        assertEquals(1L << 5, words.get(0));
    }

    @Test
    void testAndClearReturnsTheOldValue() {
        words.set(0, 1L << 5 | 1L);
        assertTrue(Bitops.testAndClearBit(5, words, 0));
        assertFalse(Bitops.testAndClearBit(5, words, 0));
        assertEquals(1L, words.get(0));
    }

    @Test
    void lockFormsTakeAndReleaseTheBit() {
        assertFalse(Bitops.testAndSetBitLock(0, words, 0), "free bit is taken");
        assertTrue(Bitops.testAndSetBitLock(0, words, 0), "held bit is refused");
        Bitops.clearBitUnlock(0, words, 0);
        assertEquals(0L, words.get(0));
    }

    @Test
    void clearBitUnlockIsNegativeByteReportsBit7() {
        words.set(0, 1L | 1L << 7 | 1L << 20);
        assertTrue(Bitops.clearBitUnlockIsNegativeByte(0, words, 0));
        assertEquals(1L << 7 | 1L << 20, words.get(0), "only bit 0 cleared, no borrow into other bits");
        words.set(0, 1L | 1L << 20);
        assertFalse(Bitops.clearBitUnlockIsNegativeByte(0, words, 0));
        assertEquals(1L << 20, words.get(0));
    }

    @Test
    void nonAtomicFormsHaveTheSameSequentialEffect() {
        Bitops.__setBit(2, words, 0);
        assertEquals(1L << 2, words.get(0));
        assertTrue(Bitops.__testAndSetBit(2, words, 0));
        assertFalse(Bitops.__testAndSetBit(9, words, 0));
        assertTrue(Bitops.__testAndClearBit(9, words, 0));
        assertFalse(Bitops.__testAndClearBit(9, words, 0));
        Bitops.__clearBit(2, words, 0);
        assertEquals(0L, words.get(0));
    }

    @Test
    void nonAtomicClearRewritesTheWholeWord() {
        // The defining property of __clear_bit: it stores a value computed from its own earlier read,
        // so a bit that appeared in between is gone. Shown sequentially by re-running its two halves.
        words.set(0, 1L << 18);
        long seen = words.getOpaque(0);
        Bitops.setBit(7, words, 0);                // a racing SetPageWaiters lands in the window
        words.setOpaque(0, seen & ~(1L << 18));     // what __clear_bit then stores
        assertFalse(Bitops.testBit(7, words, 0));
    }
}
