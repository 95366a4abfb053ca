package dev.pageflags.mm.v2_6_32;

import dev.pageflags.mm.LruList;
import dev.pageflags.mm.PageFlagsBug;
import dev.pageflags.mm.Variant;
import dev.pageflags.mm.VmStat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.pageflags.mm.PageFlag.PG_unevictable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** munlock_vma_page() of 2.6.32 against each state the putback side can leave behind, sequentially. */
class MunlockVmaPageTest {

    @ParameterizedTest
    @EnumSource(FlagLayout.class)
    void munlockMovesAPageOnTheUnevictableListToAnEvictableOne(FlagLayout layout) {
        PutbackFixture f = new PutbackFixture(layout, Variant.BROKEN);
        f.mlocked();
        f.isolatedByCaller();
        f.vmscan.putbackLruPage(f.page);
        f.pageLockedByMunlocker();

        assertTrue(f.mlock.munlockVmaPage(f.page), "PG_lru visible: munlock isolates the page itself");

        assertFalse(f.zone.flags().pageMlocked(f.page));
        assertEquals(0, f.nrMlock());
        assertEquals(LruList.LRU_INACTIVE_ANON, f.page.lru());
        assertEquals(1, f.page.refcount());
        assertEquals(1, f.events(VmStat.Event.UNEVICTABLE_PGMUNLOCKED));
        assertEquals(1, f.events(VmStat.Event.UNEVICTABLE_PGRESCUED));
    }

    /** The page is off the LRU: munlock leaves it to the isolator, whose putback finds it evictable. */
    @ParameterizedTest
    @EnumSource(FlagLayout.class)
    void munlockOfAnIsolatedPageLeavesItToThePutback(FlagLayout layout) {
        PutbackFixture f = new PutbackFixture(layout, Variant.BROKEN);
        f.mlocked();
        f.isolatedByCaller();
        f.pageLockedByMunlocker();

        assertFalse(f.mlock.munlockVmaPage(f.page));
        assertEquals(0, f.nrMlock());
        assertEquals(null, f.page.lru());

        f.vmscan.putbackLruPage(f.page);
        assertEquals(LruList.LRU_INACTIVE_ANON, f.page.lru());
        assertFalse(f.page.test(PG_unevictable));
    }

    @ParameterizedTest
    @EnumSource(FlagLayout.class)
    void munlockOfAPageThatIsNotMlockedDoesNothing(FlagLayout layout) {
        PutbackFixture f = new PutbackFixture(layout, Variant.BROKEN);
        f.isolatedByCaller();
        f.vmscan.putbackLruPage(f.page);
        f.pageLockedByMunlocker();

        assertFalse(f.mlock.munlockVmaPage(f.page));
        assertEquals(LruList.LRU_INACTIVE_ANON, f.page.lru());
        assertEquals(0, f.events(VmStat.Event.UNEVICTABLE_PGMUNLOCKED));
    }

    @ParameterizedTest
    @EnumSource(FlagLayout.class)
    void munlockWithoutThePageLockIsABug(FlagLayout layout) {
        PutbackFixture f = new PutbackFixture(layout, Variant.BROKEN);
        f.mlocked();

        assertThrows(PageFlagsBug.class, () -> f.mlock.munlockVmaPage(f.page));
    }
}
