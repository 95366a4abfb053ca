package dev.pageflags.mm;

import java.util.EnumMap;
import java.util.Map;

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
 */
public final class Lruvec {
    private final SpinLock lruLock = new SpinLock();
    private final Map<LruList, Head> lists = new EnumMap<>(LruList.class);

    Lruvec() {
        for (LruList lru : LruList.values()) {
            lists.put(lru, new Head());
        }
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
        Head h = lists.get(lru);
        page.lruPrev = null;
        page.lruNext = h.first;
        if (h.first != null) {
            h.first.lruPrev = page;
        }
        h.first = page;
        h.size++;
        page.lru = lru;
        page.publish();
    }

    /** {@code del_page_from_lru_list}. Caller holds {@link #lruLock()}. */
    public void delPageFromLruList(Page page, LruList lru) {
        assertLocked("del_page_from_lru_list");
        if (page.lru != lru) {
            throw new PageFlagsBug("del_page_from_lru_list: " + page + " is on " + page.lru + ", not " + lru);
        }
        Head h = lists.get(lru);
        if (page.lruPrev == null) {
            h.first = page.lruNext;
        } else {
            page.lruPrev.lruNext = page.lruNext;
        }
        if (page.lruNext != null) {
            page.lruNext.lruPrev = page.lruPrev;
        }
        page.lruPrev = null;
        page.lruNext = null;
        page.lru = null;
        h.size--;
    }

    /** How many pages are on {@code lru}. Caller holds {@link #lruLock()}, or has quiesced the lruvec. */
    public int size(LruList lru) {
        return lists.get(lru).size;
    }

    /** Whether {@code page} is linked on {@code lru}. Same locking rule as {@link #size}. */
    public boolean contains(LruList lru, Page page) {
        for (Page p = lists.get(lru).first; p != null; p = p.lruNext) {
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

    private static final class Head {
        Page first;
        int size;
    }
}
