package dev.pageflags.mm.v2_6_32;

import dev.pageflags.mm.LruList;
import dev.pageflags.mm.Page;
import dev.pageflags.mm.PageFlagsBug;
import dev.pageflags.mm.SpinLock;

import static dev.pageflags.mm.PageFlag.PG_active;
import static dev.pageflags.mm.PageFlag.PG_lru;
import static dev.pageflags.mm.PageFlag.PG_unevictable;

/**
 * The two ways {@code mm/swap.c} of 2.6.32 puts a page on an LRU list.
 *
 * <p>Not final: unit tests step into the window between the unevictable add and the caller's
 * re-check, where a concurrent munlocker would act.
 */
public class Swap {
    private final Zone zone;

    public Swap(Zone zone) {
        this.zone = zone;
    }

    /**
     * {@code add_page_to_unevictable_list()}: straight onto the zone's unevictable list under the
     * lru lock, bypassing the per-CPU pagevec, whose delayed add would hide the page from a task
     * making it evictable meanwhile. PG_lru is set inside the lock and published by the unlock, a
     * release: nothing orders it before the caller's next load.
     */
    public void addPageToUnevictableList(Page page) {
        SpinLock lruLock = zone.lruLock();
        lruLock.lock();
        zone.flags().setUnderLruLock(page, PG_unevictable);
        zone.flags().setUnderLruLock(page, PG_lru);
        zone.lruvec().addPageToLruList(page, LruList.LRU_UNEVICTABLE);
        lruLock.unlock();
    }

    /**
     * {@code lru_cache_add_lru(page, lru)}, simplified: the kernel parks the page in a per-CPU
     * pagevec and {@code ____pagevec_lru_add()} later sets PG_lru (and PG_active) and links it,
     * under the lru lock. The model does that drain at once. While a page sits in a pagevec it is
     * off the LRU and evictable, so skipping the wait changes no outcome of race 003.
     */
    public void lruCacheAddLru(Page page, LruList lru) {
        if (!lru.isEvictable()) {
            throw new PageFlagsBug("lru_cache_add_lru: " + page + " to " + lru);
        }
        SpinLock lruLock = zone.lruLock();
        lruLock.lock();
        if (page.test(PG_lru) || page.test(PG_active) || page.test(PG_unevictable)) {
            lruLock.unlock();
            throw new PageFlagsBug("____pagevec_lru_add: VM_BUG_ON " + page);
        }
        zone.flags().setUnderLruLock(page, PG_lru);
        if (lru == LruList.LRU_ACTIVE_ANON || lru == LruList.LRU_ACTIVE_FILE) {
            zone.flags().setUnderLruLock(page, PG_active);
        }
        zone.lruvec().addPageToLruList(page, lru);
        lruLock.unlock();
    }
}
