package dev.pageflags.mm.vmscan;

import dev.pageflags.mm.Barriers;
import dev.pageflags.mm.LruList;
import dev.pageflags.mm.Lruvec;
import dev.pageflags.mm.Page;
import dev.pageflags.mm.PageFlagsBug;

import static dev.pageflags.mm.PageFlag.PG_lru;
import static dev.pageflags.mm.PageFlag.PG_mlocked;
import static dev.pageflags.mm.PageFlag.PG_unevictable;

/**
 * {@code isolate_lru_page()} and {@code putback_lru_page()} of {@code mm/vmscan.c}, identical in
 * 3.13 and 4.2, and {@code page_evictable()}.
 *
 * <p>Both mlock and munlock move a page between the evictable lists and the unevictable list the
 * same way: take it off its list with {@link #isolateLruPage}, then let {@link #putbackLruPage}
 * choose the list from PG_mlocked. Whoever wins the isolation decides where the page goes; the
 * loser's isolation fails and it does nothing more. That is the point Linus Torvalds makes in
 * seed 000: two atomic bit operations followed by this race for isolation do not serialise.
 */
public final class Vmscan {
    /** {@code -EBUSY}, what {@code isolate_lru_page()} returns when the page was not on a list. */
    public static final int EBUSY = -16;

    private Vmscan() {
    }

    /**
     * {@code page_evictable(page)}. The kernel also asks {@code mapping_unevictable()} (SHM_LOCK,
     * ramfs); none of these races involves such a mapping.
     */
    public static boolean pageEvictable(Page page) {
        return !page.test(PG_mlocked);
    }

    /**
     * {@code isolate_lru_page(page)}: take the page off its LRU list, with a reference, if it is on
     * one. The unlocked PageLRU test is the kernel's fast path; the decision is made under the lock.
     *
     * @return 0 when this caller isolated the page, {@link #EBUSY} when it was on no list
     */
    public static int isolateLruPage(Page page) {
        if (page.refcount() == 0) {
            throw new PageFlagsBug("isolate_lru_page of a free page: " + page);
        }
        int ret = EBUSY;
        if (page.test(PG_lru)) {
            Lruvec lruvec = page.map().lruvec();
            lruvec.lruLock().lock();
            if (page.test(PG_lru)) {
                LruList lru = Lruvec.pageLru(page);
                page.getPage();
                page.clear(PG_lru);
                lruvec.delPageFromLruList(page, lru);
                ret = 0;
            }
            lruvec.lruLock().unlock();
        }
        return ret;
    }

    /**
     * {@code putback_lru_page(page)}: put an isolated page on the list its flags call for, then
     * drop the reference isolation took.
     *
     * <p>A page put on the unevictable list is checked once more after a full barrier: if it
     * became evictable meanwhile (a munlocker cleared PG_mlocked and failed to isolate it because
     * PG_lru was not yet visible), it is isolated again and re-filed. This is the barrier of
     * commit 6a7b95481d49 (race 003), present in both eras.
     */
    public static void putbackLruPage(Page page) {
        if (page.test(PG_lru)) {
            throw new PageFlagsBug("putback_lru_page of a page still on an LRU list: " + page);
        }
        boolean isUnevictable;
        do {
            page.clear(PG_unevictable);
            if (pageEvictable(page)) {
                // Evictable pages may take the per-CPU cache; a race leaves at worst an unevictable
                // page on an evictable list, which reclaim knows how to cull.
                isUnevictable = false;
                Swap.lruCacheAdd(page);
            } else {
                isUnevictable = true;
                Swap.addPageToUnevictableList(page);
                // Pairs with TestClearPageMlocked in the munlocker: either it sees our PG_lru and
                // isolates the page, or we see its clear below and rescue the page ourselves.
                Barriers.smpMb();
            }
            if (isUnevictable && pageEvictable(page)) {
                if (isolateLruPage(page) == 0) {
                    page.putPage();
                    continue; // goto redo
                }
                // Someone else took it off the LRU; they will put it back or free it.
            }
            break;
        } while (true);
        page.putPage(); // the reference isolation took
    }
}
