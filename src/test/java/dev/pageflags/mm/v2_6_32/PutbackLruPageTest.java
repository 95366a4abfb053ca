package dev.pageflags.mm.v2_6_32;

import dev.pageflags.mm.LruList;
import dev.pageflags.mm.Page;
import dev.pageflags.mm.PageFlagsBug;
import dev.pageflags.mm.Variant;
import dev.pageflags.mm.VmStat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.pageflags.mm.PageFlag.PG_active;
import static dev.pageflags.mm.PageFlag.PG_lru;
import static dev.pageflags.mm.PageFlag.PG_swapbacked;
import static dev.pageflags.mm.PageFlag.PG_unevictable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** putback_lru_page() and isolate_lru_page() of 2.6.32, one thread at a time, in both layouts. */
class PutbackLruPageTest {

    @ParameterizedTest
    @EnumSource(FlagLayout.class)
    void anEvictablePageGoesToTheInactiveListOfItsType(FlagLayout layout) {
        PutbackFixture f = new PutbackFixture(layout, Variant.BROKEN);
        f.isolatedByCaller();

        f.vmscan.putbackLruPage(f.page);

        assertEquals(LruList.LRU_INACTIVE_ANON, f.page.lru());
        assertTrue(f.page.test(PG_lru));
        assertFalse(f.page.test(PG_unevictable));
        assertEquals(1, f.page.refcount(), "putback drops the isolation reference");
        assertEquals(0, f.events(VmStat.Event.UNEVICTABLE_PGCULLED));
    }

    @ParameterizedTest
    @EnumSource(FlagLayout.class)
    void anActiveFilePageGoesBackToTheActiveFileList(FlagLayout layout) {
        PutbackFixture f = new PutbackFixture(layout, Variant.BROKEN);
        f.page.clear(PG_swapbacked);
        f.page.set(PG_active);
        f.isolatedByCaller();

        f.vmscan.putbackLruPage(f.page);

        assertEquals(LruList.LRU_ACTIVE_FILE, f.page.lru());
        assertTrue(f.page.test(PG_active), "TestClearPageActive's answer picks the list, which sets it again");
    }

    @ParameterizedTest
    @EnumSource(FlagLayout.class)
    void anMlockedPageIsCulledToTheUnevictableList(FlagLayout layout) {
        PutbackFixture f = new PutbackFixture(layout, Variant.FIXED);
        f.mlocked();
        f.isolatedByCaller();

        f.vmscan.putbackLruPage(f.page);

        assertEquals(LruList.LRU_UNEVICTABLE, f.page.lru());
        assertTrue(f.page.test(PG_lru));
        assertTrue(f.page.test(PG_unevictable));
        assertEquals(1, f.page.refcount());
        assertEquals(1, f.events(VmStat.Event.UNEVICTABLE_PGCULLED));
        assertEquals(1, f.listSize(LruList.LRU_UNEVICTABLE));
    }

    /**
     * The rescue the race is about, run sequentially: a munlocker clears PG_mlocked just after the
     * page reached the unevictable list and, not seeing PG_lru, leaves the page alone. The
     * putback's second look must see PG_mlocked clear and move the page itself.
     */
    @ParameterizedTest
    @EnumSource(Variant.class)
    void theRecheckRescuesAPageMunlockedBehindItsBack(Variant variant) {
        for (FlagLayout layout : FlagLayout.values()) {
            PutbackFixture f = new PutbackFixture(layout, variant, zone -> new Swap(zone) {
                @Override
                public void addPageToUnevictableList(Page page) {
                    super.addPageToUnevictableList(page);
                    zone.flags().testClearPageMlocked(page); // the munlocker whose isolation missed
                }
            });
            f.mlocked();
            f.isolatedByCaller();

            f.vmscan.putbackLruPage(f.page);

            assertEquals(LruList.LRU_INACTIVE_ANON, f.page.lru(), layout + ": rescued to an evictable list");
            assertFalse(f.page.test(PG_unevictable), layout.name());
            assertEquals(0, f.listSize(LruList.LRU_UNEVICTABLE), layout.name());
            assertEquals(1, f.page.refcount(), layout + ": the rescue's own isolation reference is dropped too");
        }
    }

    @ParameterizedTest
    @EnumSource(FlagLayout.class)
    void isolationTakesThePageOffItsListWithAReference(FlagLayout layout) {
        PutbackFixture f = new PutbackFixture(layout, Variant.BROKEN);
        f.mlocked();
        f.isolatedByCaller();
        f.vmscan.putbackLruPage(f.page);

        assertEquals(0, f.vmscan.isolateLruPage(f.page));

        assertEquals(null, f.page.lru());
        assertFalse(f.page.test(PG_lru));
        assertTrue(f.page.test(PG_unevictable), "the list it came from stays readable, as in the kernel");
        assertEquals(2, f.page.refcount());
        assertEquals(0, f.listSize(LruList.LRU_UNEVICTABLE));
    }

    @ParameterizedTest
    @EnumSource(FlagLayout.class)
    void isolationOfAPageOffTheLruFailsWithoutAReference(FlagLayout layout) {
        PutbackFixture f = new PutbackFixture(layout, Variant.BROKEN);

        assertEquals(-Vmscan.EBUSY, f.vmscan.isolateLruPage(f.page));
        assertEquals(1, f.page.refcount());
    }

    @Test
    void puttingBackAPageStillOnTheLruIsABug() {
        PutbackFixture f = new PutbackFixture(FlagLayout.SAME_WORD, Variant.FIXED);
        f.isolatedByCaller();
        f.vmscan.putbackLruPage(f.page);
        f.isolatedByCaller();

        assertThrows(PageFlagsBug.class, () -> f.vmscan.putbackLruPage(f.page));
    }
}
