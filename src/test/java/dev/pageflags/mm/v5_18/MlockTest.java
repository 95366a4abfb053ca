package dev.pageflags.mm.v5_18;

import dev.pageflags.mm.LruList;
import dev.pageflags.mm.Lruvec;
import dev.pageflags.mm.Page;
import dev.pageflags.mm.VmStat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.pageflags.mm.PageFlag.PG_lru;
import static dev.pageflags.mm.PageFlag.PG_mlocked;
import static dev.pageflags.mm.PageFlag.PG_unevictable;
import static dev.pageflags.mm.VmFlags.VM_READ;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-page mlock_count bookkeeping of 5.18, one call at a time. */
class MlockTest {
    private PageUnderMigration world;
    private Page page;

    /** Not in field initialisers: the setup takes locks, and only methods run under the tests' timeout. */
    @BeforeEach
    void newPageUnderMigration() {
        world = new PageUnderMigration(VM_READ);
        page = world.newPage();
    }

    @Test
    void mlockMovesThePageToTheUnevictableListWithCountOne() {
        Mlock.mlockFolio(page);

        assertTrue(page.test(PG_mlocked));
        assertTrue(page.test(PG_unevictable));
        assertTrue(page.test(PG_lru), "back on an LRU list after the move");
        assertEquals(LruList.LRU_UNEVICTABLE, page.lru());
        assertEquals(1, page.mlockCount);
        assertEquals(1, nrMlock());
    }

    @Test
    void munlockAfterMlockRestoresCountFlagsAndList() {
        Mlock.mlockFolio(page);
        Mlock.munlockPage(page);

        assertEquals(0, page.mlockCount);
        assertFalse(page.test(PG_mlocked));
        assertFalse(page.test(PG_unevictable));
        assertTrue(page.test(PG_lru));
        assertEquals(LruList.LRU_INACTIVE_ANON, page.lru());
        assertEquals(0, nrMlock());
    }

    @Test
    void twoMlockedMappingsNeedTwoMunlocks() {
        Mlock.mlockFolio(page);
        Mlock.mlockFolio(page);
        assertEquals(2, page.mlockCount);
        assertEquals(1, nrMlock(), "NR_MLOCK counts pages, not mappings");

        Mlock.munlockPage(page);
        assertEquals(1, page.mlockCount);
        assertTrue(page.test(PG_mlocked), "one VM_LOCKED mapping is left");
        assertEquals(LruList.LRU_UNEVICTABLE, page.lru());

        Mlock.munlockPage(page);
        assertFalse(page.test(PG_mlocked));
        assertEquals(LruList.LRU_INACTIVE_ANON, page.lru());
    }

    @Test
    void anUndercountIsHarmlessAtMunlock() {
        Mlock.mlockFolio(page);
        withLruLock(() -> page.mlockCount = 0); // a count lost, as when an isolator borrowed page->lru

        Mlock.munlockPage(page);

        assertEquals(0, page.mlockCount, "never below zero");
        assertFalse(page.test(PG_mlocked), "the munlock is taken as the last one");
        assertEquals(LruList.LRU_INACTIVE_ANON, page.lru());
    }

    @Test
    void mlockOfAnIsolatedPageSetsTheFlagButCannotCount() {
        assertTrue(page.testClear(PG_lru)); // isolated: someone else owns page->lru now

        Mlock.mlockFolio(page);

        assertTrue(page.test(PG_mlocked));
        assertEquals(0, page.mlockCount);
        assertEquals(LruList.LRU_INACTIVE_ANON, page.lru(), "not moved while isolated");
        assertFalse(page.test(PG_lru));
    }

    private long nrMlock() {
        return world.map().vmstat().read(VmStat.Item.NR_MLOCK);
    }

    private void withLruLock(Runnable r) {
        Lruvec lruvec = world.map().lruvec();
        lruvec.lruLock().lock();
        try {
            r.run();
        } finally {
            lruvec.lruLock().unlock();
        }
    }
}
