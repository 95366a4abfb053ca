package dev.pageflags.mm;

import org.junit.jupiter.api.Test;

import static dev.pageflags.mm.PageFlag.PG_isolated;
import static dev.pageflags.mm.PageFlag.PG_locked;
import static dev.pageflags.mm.PageFlag.PG_lru;
import static dev.pageflags.mm.PageFlag.PG_mlocked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageTest {
    private final MemMap map = MemMap.builder().pages(4).build();
    private final Page page = map.page(1);

    @Test
    void everyFlagHasTheWholeHelperFamily() {
        for (PageFlag f : PageFlag.values()) {
            MemMap m = new MemMap(1);
            Page p = m.page(0);
            p.set(f);
            assertTrue(p.test(f), "SetPage" + f.uname());
            p.clear(f);
            assertFalse(p.test(f), "ClearPage" + f.uname());
            assertFalse(p.testSet(f), "TestSetPage" + f.uname() + " on a clear flag");
            assertTrue(p.testClear(f), "TestClearPage" + f.uname() + " on a set flag");
            p.__set(f);
            assertTrue(p.test(f), "__SetPage" + f.uname());
            p.__clear(f);
            assertEquals(0L, p.flags(), "__ClearPage" + f.uname());
        }
    }

    @Test
    void flagsOfOnePageDoNotLeakIntoItsNeighbours() {
        page.set(PG_mlocked);
        assertEquals(0L, map.page(0).flags());
        assertEquals(0L, map.page(2).flags());
    }

    @Test
    void strideSpacesTheFlagWords() {
        MemMap spaced = MemMap.builder().pages(3).wordsPerPage(8).build();
        assertEquals(16, spaced.flagIndex(2));
        spaced.page(2).set(PG_lru);
        assertEquals(PG_lru.mask(), spaced.flagWords().get(16));
    }

    @Test
    void refcountAndFreeing() {
        page.getPage();
        page.getPage();
        assertEquals(2, page.refcount());
        assertFalse(page.putPageTestZero());
        page.putPage();
        assertEquals(0, page.refcount());
        assertTrue(map.badPages().isEmpty());
        assertThrows(PageFlagsBug.class, page::putPage, "put_page below zero is a bug");
    }

    @Test
    void getPageUnlessZeroLeavesFreePagesAlone() {
        assertFalse(page.getPageUnlessZero());
        assertEquals(0, page.refcount());
        page.getPage();
        assertTrue(page.getPageUnlessZero());
        assertEquals(2, page.refcount());
    }

    @Test
    void freeingAnMlockedPageIsABadPageState() {
        page.getPage();
        page.set(PG_mlocked);
        page.putPage();
        assertEquals(1, map.badPages().size());
        assertTrue(map.badPages().get(0).contains("mlocked"), map.badPages().get(0));
        assertEquals(0L, page.flags(), "the model resets a freed page");
    }

    @Test
    void theLastReferenceTakesThePageOffItsLruList() {
        page.getPage();
        page.set(PageFlag.PG_unevictable);
        page.set(PG_lru);
        map.lruvec().lruLock().lock();
        map.lruvec().addPageToLruList(page, LruList.LRU_UNEVICTABLE);
        map.lruvec().lruLock().unlock();
        page.putPage();
        assertTrue(map.badPages().isEmpty(), map.badPages().toString());
        assertEquals(0, map.lruvec().size(LruList.LRU_UNEVICTABLE));
        assertEquals(0L, page.flags());
    }

    @Test
    void mapcountCountsMappings() {
        assertTrue(page.incMapcount(), "first mapping");
        assertFalse(page.incMapcount());
        assertFalse(page.decMapcount());
        assertTrue(page.decMapcount(), "last mapping");
        assertThrows(PageFlagsBug.class, page::decMapcount);
    }

    @Test
    void allocPageHandsOutFreePagesOnly() {
        MemMap small = new MemMap(2);
        Page a = small.allocPage();
        Page b = small.allocPage();
        assertEquals(1, a.refcount());
        assertTrue(a != b);
        assertFalse(a.isPublished());
        assertThrows(IllegalStateException.class, small::allocPage);
    }

    @Test
    void describeHelpsDebugging() {
        page.set(PG_locked);
        page.set(PG_isolated);
        assertTrue(page.toString().contains("PG_locked|PG_reclaim"), page.toString());
    }
}
