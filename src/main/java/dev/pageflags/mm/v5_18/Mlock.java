package dev.pageflags.mm.v5_18;

import dev.pageflags.mm.LruList;
import dev.pageflags.mm.Lruvec;
import dev.pageflags.mm.Page;
import dev.pageflags.mm.VmStat;

import static dev.pageflags.mm.PageFlag.PG_active;
import static dev.pageflags.mm.PageFlag.PG_lru;
import static dev.pageflags.mm.PageFlag.PG_mlocked;
import static dev.pageflags.mm.PageFlag.PG_unevictable;

/**
 * The per-page half of 5.18's {@code mm/mlock.c}: PG_mlocked says "some VM_LOCKED vma maps me",
 * {@code page->mlock_count} says how many, and the page sits on the unevictable LRU until the
 * count drops to zero.
 *
 * <p>The count lives in the space {@code page->lru} leaves free on the unevictable list, so it is
 * only kept while the page is on that list, and only under the lru lock: {@link #__mlockPage} and
 * {@link #__munlockPage} isolate the page (TestClearPageLRU) before they touch it. A page off the
 * LRU (isolated by reclaim, compaction, ...) loses its count; the code then errs on the low side,
 * because reclaim puts back a missing mlock when it meets the page in a VM_LOCKED vma, while a count
 * that is too high is never corrected: the page stays unevictable after the last munlock.
 *
 * <p>The kernel batches these calls in a per-CPU {@code mlock_pvec}; here every call drains its
 * one-entry batch immediately (see the package comment).
 */
public final class Mlock {
    private Mlock() {
    }

    /**
     * {@code mlock_folio(folio)}: one more VM_LOCKED mapping of a page that is on the LRU (or only
     * briefly off it). Called by {@code mlock_pte_range()} and by {@code mlock_vma_page()}.
     */
    public static void mlockFolio(Page page) {
        if (!page.testSet(PG_mlocked)) {
            page.map().vmstat().mod(VmStat.Item.NR_MLOCK, 1);
        }
        // pagevec_add(pvec, mlock_lru(page)), then mlock_pagevec(pvec) at once:
        unlockLruvec(__mlockPage(page, null));
    }

    /**
     * {@code munlock_page(page)}: one VM_LOCKED mapping fewer. PG_mlocked is left for
     * {@link #__munlockPage} to clear, because only it can tell whether other mlocks remain.
     */
    public static void munlockPage(Page page) {
        // pagevec_add(pvec, page), then mlock_pagevec(pvec) at once:
        unlockLruvec(__munlockPage(page, null));
    }

    /**
     * {@code mlock_page_drain_local()}: flush this CPU's mlock_pvec, as {@code remove_migration_pte()}
     * does so that a migrated mlocked page is counted before anyone can look. Nothing is ever
     * pending in the model.
     */
    public static void mlockPageDrainLocal() {
        // every mlock_folio()/munlock_page() above has drained its batch already
    }

    /**
     * {@code __mlock_page(page, lruvec)}, the mlock half of {@code mlock_pagevec()}: move the page to
     * the unevictable list with a count of one, or count one more if it is there already.
     *
     * @param locked the lruvec whose lock the caller holds from the previous page of the batch, or null
     * @return the lruvec whose lock is held now (the caller unlocks it at the end of the batch), or null
     */
    static Lruvec __mlockPage(Page page, Lruvec locked) {
        // There is nothing more we can do while it's off LRU: the isolator owns page->lru.
        if (!page.testClear(PG_lru)) {
            return locked;
        }
        Lruvec lruvec = folioLruvecRelock(page, locked);

        if (pageEvictable(page)) {
            // PG_mlocked was cleared meanwhile by another CPU's munlock: make sure it is evictable.
            if (page.test(PG_unevictable)) {
                lruvec.delPageFromLruList(page, LruList.LRU_UNEVICTABLE);
                page.clear(PG_unevictable);
                lruvec.addPageToLruList(page, Lruvec.pageLru(page));
            }
        } else if (page.test(PG_unevictable)) {
            if (page.test(PG_mlocked)) {
                page.mlockCount++;
            }
        } else {
            lruvec.delPageFromLruList(page, Lruvec.pageLru(page));
            page.clear(PG_active);
            page.set(PG_unevictable);
            page.mlockCount = page.test(PG_mlocked) ? 1 : 0;
            lruvec.addPageToLruList(page, LruList.LRU_UNEVICTABLE);
        }
        page.set(PG_lru);
        return lruvec;
    }

    /**
     * {@code __munlock_page(page, lruvec)}, the munlock half of {@code mlock_pagevec()}: count one
     * mlock down, and at zero clear PG_mlocked and move the page back to an evictable list.
     *
     * @param locked the lruvec whose lock the caller holds, or null
     * @return the lruvec whose lock is held now, or null
     */
    static Lruvec __munlockPage(Page page, Lruvec locked) {
        Lruvec lruvec = locked;
        boolean isolated = false;

        if (page.testClear(PG_lru)) {
            isolated = true;
            lruvec = folioLruvecRelock(page, locked);

            if (page.test(PG_unevictable)) {
                // The count is kept, but might undercount: never let it go below zero.
                if (page.mlockCount != 0) {
                    page.mlockCount--;
                }
                if (page.mlockCount != 0) {
                    page.set(PG_lru);
                    return lruvec;
                }
            }
            // else assume that was the last mlock: reclaim will fix it if not
        }

        // munlock:
        if (page.testClear(PG_mlocked)) {
            page.map().vmstat().mod(VmStat.Item.NR_MLOCK, -1);
        }

        // page_evictable() has to be checked *after* clearing PG_mlocked
        if (isolated && page.test(PG_unevictable) && pageEvictable(page)) {
            lruvec.delPageFromLruList(page, LruList.LRU_UNEVICTABLE);
            page.clear(PG_unevictable);
            lruvec.addPageToLruList(page, Lruvec.pageLru(page));
        }
        if (isolated) {
            page.set(PG_lru);
        }
        return lruvec;
    }

    /** {@code page_evictable(page)} for an anonymous page: not mlocked. */
    static boolean pageEvictable(Page page) {
        return !page.test(PG_mlocked);
    }

    /**
     * {@code folio_lruvec_relock_irq(folio, locked)}: make sure the page's lruvec is the one locked.
     * The model has one lruvec per mem_map, so at most the first page of a batch takes the lock.
     */
    private static Lruvec folioLruvecRelock(Page page, Lruvec locked) {
        Lruvec lruvec = page.map().lruvec();
        if (locked == lruvec) {
            return locked;
        }
        if (locked != null) {
            locked.lruLock().unlock();
        }
        lruvec.lruLock().lock();
        return lruvec;
    }

    /** The end of {@code mlock_pagevec()}: {@code if (lruvec) unlock_page_lruvec_irq(lruvec)}. */
    private static void unlockLruvec(Lruvec lruvec) {
        if (lruvec != null) {
            lruvec.lruLock().unlock();
        }
    }
}
