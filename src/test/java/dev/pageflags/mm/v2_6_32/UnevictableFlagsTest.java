package dev.pageflags.mm.v2_6_32;

import dev.pageflags.mm.Page;
import dev.pageflags.mm.PageFlagsBug;
import dev.pageflags.mm.SpinLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.pageflags.mm.PageFlag.PG_lru;
import static dev.pageflags.mm.PageFlag.PG_mlocked;
import static dev.pageflags.mm.PageFlag.PG_swapbacked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where each layout keeps PG_mlocked, and the lru lock rule of the lock-guarded bits. */
class UnevictableFlagsTest {

    @Test
    void sameWordKeepsPgMlockedInPageFlags() {
        Zone zone = new Zone(1, FlagLayout.SAME_WORD);
        Page page = zone.map().page(0);

        assertFalse(zone.flags().testSetPageMlocked(page));

        assertTrue(page.test(PG_mlocked));
        assertTrue(zone.flags().pageMlocked(page));
        assertTrue(zone.flags().testClearPageMlocked(page));
        assertFalse(page.test(PG_mlocked));
    }

    @ParameterizedTest
    @EnumSource(value = FlagLayout.class, names = {"SEPARATE_WORDS", "SEPARATE_WORDS_SET_BIT"})
    void separateWordsKeepPgMlockedOutOfPageFlags(FlagLayout layout) {
        Zone zone = new Zone(2, layout);
        Page page = zone.map().page(1);
        page.set(PG_swapbacked);

        assertFalse(zone.flags().testSetPageMlocked(page));

        assertTrue(zone.flags().pageMlocked(page));
        assertFalse(page.test(PG_mlocked), "page->flags does not hold it");
        assertEquals(PG_swapbacked.mask(), page.flags());
        assertFalse(zone.flags().pageMlocked(zone.map().page(0)), "each page has its own word");
    }

    @Test
    void onlyTheStoreLayoutWritesTheLruBitsWithOneStore() {
        // The kernel's layout must use set_bit (others write page->flags); the set_bit layout keeps it by choice.
        assertTrue(FlagLayout.SAME_WORD.atomicLruBits);
        assertTrue(FlagLayout.SEPARATE_WORDS_SET_BIT.atomicLruBits);
        assertFalse(FlagLayout.SEPARATE_WORDS.atomicLruBits);
    }

    @Test
    void lruLockedBitsNeedTheLruLockInBothLayouts() {
        for (FlagLayout layout : FlagLayout.values()) {
            Zone zone = new Zone(1, layout);
            Page page = zone.map().page(0);
            SpinLock lruLock = zone.lruLock();

            assertThrows(PageFlagsBug.class, () -> zone.flags().setUnderLruLock(page, PG_lru), layout.name());

            lruLock.lock();
            zone.flags().setUnderLruLock(page, PG_lru);
            assertTrue(page.test(PG_lru), layout.name());
            zone.flags().clearUnderLruLock(page, PG_lru);
            assertFalse(page.test(PG_lru), layout.name());
            lruLock.unlock();
        }
    }
}
