package dev.pageflags.mm;

import org.junit.jupiter.api.Test;

import static dev.pageflags.mm.PageFlag.PG_isolated;
import static dev.pageflags.mm.PageFlag.PG_locked;
import static dev.pageflags.mm.PageFlag.PG_lru;
import static dev.pageflags.mm.PageFlag.PG_mlocked;
import static dev.pageflags.mm.PageFlag.PG_reclaim;
import static dev.pageflags.mm.PageFlag.PG_waiters;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageFlagTest {
    @Test
    void lockAndWaitersShareTheLowByteWithWaitersAsItsSignBit() {
        assertEquals(0, PG_locked.bit());
        assertEquals(7, PG_waiters.bit());
        assertEquals(0x80L, PG_waiters.mask(), "unlock_page tests the byte's sign bit");
    }

    @Test
    void isolatedReusesReclaimsBit() {
        assertEquals(PG_reclaim.mask(), PG_isolated.mask());
    }

    @Test
    void flagsKeepTheKernelsRelativeOrder() {
        PageFlag[] flags = PageFlag.values();
        for (int i = 1; i < flags.length; i++) {
            assertTrue(flags[i - 1].bit() <= flags[i].bit(), flags[i - 1] + " before " + flags[i]);
        }
        assertTrue(PageFlag.PG_unevictable.bit() < PG_mlocked.bit());
    }

    @Test
    void describeNamesSetBitsOnce() {
        assertEquals("0", PageFlag.describe(0));
        assertEquals("PG_locked|PG_lru|PG_reclaim", PageFlag.describe(PG_locked.mask() | PG_lru.mask() | PG_isolated.mask()));
    }

    @Test
    void unameIsTheHelperSuffix() {
        assertEquals("Mlocked", PG_mlocked.uname());
        assertEquals("LRU", PG_lru.uname());
        assertEquals("Isolated", PG_isolated.uname());
    }
}
