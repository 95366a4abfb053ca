package dev.pageflags.mm;

import static dev.pageflags.mm.PageFlag.PG_active;
import static dev.pageflags.mm.PageFlag.PG_swapbacked;
import static dev.pageflags.mm.PageFlag.PG_unevictable;

/**
 * {@code struct lruvec}: the LRU lists of one node (one memcg, one zone in older kernels) and the
 * {@code lru_lock} that guards them. Before 5.x the lock lived in the zone; the model keeps one
 * lock per lruvec, which is the same thing for a single-zone machine.
 *
 * <p>The lists are intrusive through {@link Page}'s linkage fields, as {@code page->lru} is.
 * Whether a page is on a list (PG_lru) is a page flag, kept by the callers as the kernel does.
 *
 * <p>Each list's head (first page, length) sits in two arrays indexed by {@link LruList#ordinal()}:
 * a stress sample builds a lruvec, and two arrays cost less to make than a map of five head objects.
 */
public final class Lruvec {
    private static final int NR_LRU_LISTS = LruList.values().length;

    private final SpinLock lruLock = new SpinLock();

    /** {@code lruvec->lists[lru]}: the first page of each list, or null. */
    private final Page[] first = new Page[NR_LRU_LISTS];
    /** Pages on each list. */
    private final int[] size = new int[NR_LRU_LISTS];

    Lruvec() {
    }

    /** {@code lruvec->lru_lock} (once {@code zone->lru_lock}). */
    public SpinLock lruLock() {
        return lruLock;
    }

    /** {@code page_lru(page)}: which list the page's flags say it belongs on. */
    public static LruList pageLru(Page page) {
        if (page.test(PG_unevictable)) {
            return LruList.LRU_UNEVICTABLE;
        }
        boolean anon = page.test(PG_swapbacked);
        boolean active = page.test(PG_active);
        if (anon) {
            return active ? LruList.LRU_ACTIVE_ANON : LruList.LRU_INACTIVE_ANON;
        }
        return active ? LruList.LRU_ACTIVE_FILE : LruList.LRU_INACTIVE_FILE;
    }

    /** {@code add_page_to_lru_list}. Caller holds {@link #lruLock()}. */
    public void addPageToLruList(Page page, LruList lru) {
        assertLocked("add_page_to_lru_list");
        if (page.lru != null) {
            throw new PageFlagsBug("add_page_to_lru_list: " + page + " is already on " + page.lru);
        }
        int i = lru.ordinal();
        Page head = first[i];
        page.lruPrev = null;
        page.lruNext = head;
        if (head != null) {
            head.lruPrev = page;
        }
        first[i] = page;
        size[i]++;
        page.lru = lru;
        page.publish();
    }

    /** {@code del_page_from_lru_list}. Caller holds {@link #lruLock()}. */
    public void delPageFromLruList(Page page, LruList lru) {
        assertLocked("del_page_from_lru_list");
        if (page.lru != lru) {
            throw new PageFlagsBug("del_page_from_lru_list: " + page + " is on " + page.lru + ", not " + lru);
        }
        int i = lru.ordinal();
        if (page.lruPrev == null) {
            first[i] = page.lruNext;
        } else {
            page.lruPrev.lruNext = page.lruNext;
        }
        if (page.lruNext != null) {
            page.lruNext.lruPrev = page.lruPrev;
        }
        page.lruPrev = null;
        page.lruNext = null;
        page.lru = null;
        size[i]--;
    }

    /** How many pages are on {@code lru}. Caller holds {@link #lruLock()}, or has quiesced the lruvec. */
    public int size(LruList lru) {
        return size[lru.ordinal()];
    }

    /** Whether {@code page} is linked on {@code lru}. Same locking rule as {@link #size}. */
    public boolean contains(LruList lru, Page page) {
        for (Page p = first[lru.ordinal()]; p != null; p = p.lruNext) {
            if (p == page) {
                return true;
            }
        }
        return false;
    }

    private void assertLocked(String what) {
        if (!lruLock.isLocked()) {
            throw new PageFlagsBug(what + " without lru_lock held");
        }
    }
}
