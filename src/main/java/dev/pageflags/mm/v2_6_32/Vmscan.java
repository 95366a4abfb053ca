package dev.pageflags.mm.v2_6_32;

import dev.pageflags.mm.Barriers;
import dev.pageflags.mm.LruList;
import dev.pageflags.mm.Lruvec;
import dev.pageflags.mm.Page;
import dev.pageflags.mm.PageFlagsBug;
import dev.pageflags.mm.SpinLock;
import dev.pageflags.mm.Variant;
import dev.pageflags.mm.VmStat;

import static dev.pageflags.mm.PageFlag.PG_active;
import static dev.pageflags.mm.PageFlag.PG_lru;
import static dev.pageflags.mm.PageFlag.PG_swapbacked;
import static dev.pageflags.mm.PageFlag.PG_unevictable;

/**
 * LRU isolation and putback of {@code mm/vmscan.c}, 2.6.31/2.6.32.
 *
 * <p>{@link Variant#BROKEN} is the code before 6a7b95481d49; {@link Variant#FIXED} adds its one
 * line, the {@code smp_mb()} after {@code add_page_to_unevictable_list()}.
 */
public final class Vmscan {
    /** {@code EBUSY}: isolate_lru_page() found the page off the LRU. */
    public static final int EBUSY = 16;

    private final Zone zone;
    private final Swap swap;
    private final Variant variant;

    public Vmscan(Zone zone, Swap swap, Variant variant) {
        this.zone = zone;
        this.swap = swap;
        this.variant = variant;
    }

    public Zone zone() {
        return zone;
    }

    /**
     * {@code putback_lru_page()}: put a page this caller isolated back on the list its flags ask
     * for. Called without the page lock (vmscan drops it before culling an mlocked page), so the
     * page may be munlocked meanwhile; the re-check after the unevictable add is meant to catch
     * that, and {@link Mlock#munlockVmaPage}'s comment says which half of the bargain it holds.
     */
    public void putbackLruPage(Page page) {
        LruList lru;
        boolean active = page.testClear(PG_active);
        boolean wasUnevictable = page.test(PG_unevictable);

        if (page.test(PG_lru)) {
            throw new PageFlagsBug("putback_lru_page: VM_BUG_ON(PageLRU(page)) " + page);
        }

        while (true) { // redo:
            page.clear(PG_unevictable);

            if (pageEvictable(page)) {
                // The kernel's own comment: in a race, the worst case is an unevictable page on an
                // evictable list, which reclaim knows how to handle.
                lru = evictableLru(pageLruBaseType(page), active);
                swap.lruCacheAddLru(page, lru);
            } else {
                lru = LruList.LRU_UNEVICTABLE;
                swap.addPageToUnevictableList(page);
                if (variant.isFixed()) {
                    // 6a7b95481d49: if a racing munlocker did not see the PG_lru set above and
                    // failed to isolate, this side must see its PG_mlocked clear below and move the
                    // page back. Its other half is the munlocker's fully ordered TestClearPageMlocked.
                    Barriers.smpMb();
                }
            }

            // The page's state may change while it moves between lists. An evictable page left on
            // the unevictable list is never freed, so look again now that it is on one.
            if (lru == LruList.LRU_UNEVICTABLE && pageEvictable(page)) {
                if (isolateLruPage(page) == 0) {
                    page.putPage();
                    continue; // goto redo
                }
                // Someone else took it off the LRU: they will put it back or free it.
            }
            break;
        }

        if (wasUnevictable && lru != LruList.LRU_UNEVICTABLE) {
            zone.vmstat().count(VmStat.Event.UNEVICTABLE_PGRESCUED, 1);
        } else if (!wasUnevictable && lru == LruList.LRU_UNEVICTABLE) {
            zone.vmstat().count(VmStat.Event.UNEVICTABLE_PGCULLED, 1);
        }

        page.putPage(); // drop the reference isolation took
    }

    /**
     * {@code isolate_lru_page()}: take the page off its LRU list, with a reference. The first
     * PageLRU test is lockless, so a PG_lru set by another CPU and not yet visible here makes it
     * fail at once, without ever meeting the lru lock that would have ordered the two.
     *
     * @return 0 when isolated, {@code -EBUSY} when the page was not on an LRU list
     */
    public int isolateLruPage(Page page) {
        int ret = -EBUSY;

        if (page.test(PG_lru)) {
            SpinLock lruLock = zone.lruLock();
            lruLock.lock();
            if (page.test(PG_lru) && page.getPageUnlessZero()) {
                LruList lru = Lruvec.pageLru(page);
                ret = 0;
                zone.flags().clearUnderLruLock(page, PG_lru);
                zone.lruvec().delPageFromLruList(page, lru);
            }
            lruLock.unlock();
        }
        return ret;
    }

    /**
     * {@code page_evictable(page, NULL)}. The kernel first tests {@code mapping_unevictable()}
     * (AS_UNEVICTABLE of ramfs and SHM_LOCKed shmem); the model's pages have no such mapping, so
     * only the PG_mlocked test is left.
     */
    public boolean pageEvictable(Page page) {
        return !zone.flags().pageMlocked(page);
    }

    /** {@code page_lru_base_type()}: the inactive list of the page's type. */
    static LruList pageLruBaseType(Page page) {
        return page.test(PG_swapbacked) ? LruList.LRU_INACTIVE_ANON : LruList.LRU_INACTIVE_FILE;
    }

    /** {@code active + page_lru_base_type(page)}: the kernel adds LRU_ACTIVE to the base. */
    private static LruList evictableLru(LruList base, boolean active) {
        if (!active) {
            return base;
        }
        return base == LruList.LRU_INACTIVE_ANON ? LruList.LRU_ACTIVE_ANON : LruList.LRU_ACTIVE_FILE;
    }
}
