package dev.pageflags.mm;

import org.junit.jupiter.api.Test;

import static dev.pageflags.mm.PageFlag.PG_active;
import static dev.pageflags.mm.PageFlag.PG_swapbacked;
import static dev.pageflags.mm.PageFlag.PG_unevictable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LruvecTest {
    private final MemMap map = new MemMap(4);
    private final Lruvec lruvec = map.lruvec();

    @Test
    void pageLruFollowsTheFlags() {
        Page p = map.page(0);
        assertEquals(LruList.LRU_INACTIVE_FILE, Lruvec.pageLru(p));
        p.set(PG_active);
        assertEquals(LruList.LRU_ACTIVE_FILE, Lruvec.pageLru(p));
        p.set(PG_swapbacked);
        assertEquals(LruList.LRU_ACTIVE_ANON, Lruvec.pageLru(p));
        p.clear(PG_active);
        assertEquals(LruList.LRU_INACTIVE_ANON, Lruvec.pageLru(p));
        p.set(PG_unevictable);
        assertEquals(LruList.LRU_UNEVICTABLE, Lruvec.pageLru(p));
        assertFalse(LruList.LRU_UNEVICTABLE.isEvictable());
    }

    @Test
    void addAndDeleteKeepTheListsConsistent() {
        lruvec.lruLock().lock();
        try {
            for (int i = 0; i < 3; i++) {
                lruvec.addPageToLruList(map.page(i), LruList.LRU_INACTIVE_FILE);
            }
            lruvec.addPageToLruList(map.page(3), LruList.LRU_UNEVICTABLE);
            assertEquals(3, lruvec.size(LruList.LRU_INACTIVE_FILE));
            lruvec.delPageFromLruList(map.page(1), LruList.LRU_INACTIVE_FILE);
            assertFalse(lruvec.contains(LruList.LRU_INACTIVE_FILE, map.page(1)));
            assertTrue(lruvec.contains(LruList.LRU_INACTIVE_FILE, map.page(0)));
            assertTrue(lruvec.contains(LruList.LRU_INACTIVE_FILE, map.page(2)));
            assertNull(map.page(1).lru());
            assertEquals(LruList.LRU_UNEVICTABLE, map.page(3).lru());
            assertThrows(PageFlagsBug.class, () -> lruvec.delPageFromLruList(map.page(3), LruList.LRU_INACTIVE_FILE));
            assertThrows(PageFlagsBug.class, () -> lruvec.addPageToLruList(map.page(0), LruList.LRU_UNEVICTABLE));
        } finally {
            lruvec.lruLock().unlock();
        }
    }

    @Test
    void listsRequireTheLruLock() {
        assertThrows(PageFlagsBug.class, () -> lruvec.addPageToLruList(map.page(0), LruList.LRU_INACTIVE_FILE));
    }
}
