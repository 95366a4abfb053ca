package dev.pageflags.mm;

import org.junit.jupiter.api.Test;

import static dev.pageflags.mm.PageFlag.PG_isolated;
import static dev.pageflags.mm.PageFlag.PG_locked;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Matthew Wilcox's assertion from seed 004, with Hugh Dickins' exception for fresh pages. */
class DebugPgflagsTest {
    private final MemMap map = MemMap.builder().pages(4).debugPgflags(true).build();

    @Test
    void nonAtomicOpOnAPageOthersCanSeeIsReported() {
        Page page = map.page(2);
        page.getPage();
        page.getPage();
        page.set(PG_locked);
        page.set(PG_isolated);
        PageFlagsBug bug = assertThrows(PageFlagsBug.class, () -> page.__clear(PG_isolated));
        String msg = bug.getMessage();
        assertTrue(msg.contains("__ClearPageIsolated"), msg);
        assertTrue(msg.contains("pfn 2"), msg);
        assertTrue(msg.contains("refcount 2"), msg);
        assertTrue(page.test(PG_isolated), "the reported operation did not run");
    }

    @Test
    void aPublishedPageWithOneReferenceIsStillShared() {
        Page page = map.page(1);
        page.getPage();
        assertThrows(PageFlagsBug.class, () -> page.__set(PG_locked));
    }

    @Test
    void refcountZeroIsSafe() {
        Page page = map.page(0);
        assertDoesNotThrow(() -> page.__set(PG_locked));
        assertDoesNotThrow(() -> page.__clear(PG_locked));
    }

    @Test
    void aFreshUnpublishedPageIsSafeUntilPublished() {
        Page fresh = map.allocPage();
        assertDoesNotThrow(() -> fresh.__set(PG_locked), "Hugh Dickins: refcount 1, not yet visible");
        assertFalse(fresh.isPublished());
        map.lruvec().lruLock().lock();
        try {
            map.lruvec().addPageToLruList(fresh, LruList.LRU_INACTIVE_FILE);
        } finally {
            map.lruvec().lruLock().unlock();
        }
        assertThrows(PageFlagsBug.class, () -> fresh.__clear(PG_locked), "on the LRU, others can find it");
    }

    @Test
    void offByDefault() {
        Page page = MemMap.builder().pages(1).debugPgflags(false).build().page(0);
        page.getPage();
        page.getPage();
        assertDoesNotThrow(() -> page.__set(PG_isolated));
    }
}
