package dev.pageflags.mm.vmscan;

import dev.pageflags.mm.LruList;
import dev.pageflags.mm.Lruvec;
import dev.pageflags.mm.Page;

import static dev.pageflags.mm.PageFlag.PG_active;
import static dev.pageflags.mm.PageFlag.PG_lru;
import static dev.pageflags.mm.PageFlag.PG_unevictable;

/** The two ways {@code mm/swap.c} (3.13 and 4.2 alike) puts a page on an LRU list. */
public final class Swap {
    private Swap() {
    }

    /**
     * {@code lru_cache_add(page)}, simplified: the kernel parks the page in a per-CPU pagevec and
     * links it later in {@code __pagevec_lru_add_fn()}; the model links it at once. A page waiting
     * in a pagevec is not PageLRU, so the kernel's window in which nobody can isolate it is longer
     * than the model's; no race here depends on that window.
     */
    public static void lruCacheAdd(Page page) {
        Lruvec lruvec = page.map().lruvec();
        lruvec.lruLock().lock();
        LruList lru = Lruvec.pageLru(page);
        page.set(PG_lru);
        lruvec.addPageToLruList(page, lru);
        lruvec.lruLock().unlock();
    }

    /** {@code add_page_to_unevictable_list(page)}: straight onto the unevictable list, under the lru lock. */
    public static void addPageToUnevictableList(Page page) {
        Lruvec lruvec = page.map().lruvec();
        lruvec.lruLock().lock();
        page.clear(PG_active);
        page.set(PG_unevictable);
        page.set(PG_lru);
        lruvec.addPageToLruList(page, LruList.LRU_UNEVICTABLE);
        lruvec.lruLock().unlock();
    }
}
