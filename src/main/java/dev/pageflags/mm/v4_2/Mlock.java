package dev.pageflags.mm.v4_2;

import dev.pageflags.mm.Filemap;
import dev.pageflags.mm.Lruvec;
import dev.pageflags.mm.Page;
import dev.pageflags.mm.PteTable;
import dev.pageflags.mm.SpinLock;
import dev.pageflags.mm.Vma;
import dev.pageflags.mm.VmStat;
import dev.pageflags.mm.vmscan.MlockCommon;
import dev.pageflags.mm.vmscan.Swap;
import dev.pageflags.mm.vmscan.Vmscan;

import java.util.ArrayList;
import java.util.List;

import static dev.pageflags.mm.PageFlag.PG_locked;
import static dev.pageflags.mm.PageFlag.PG_lru;
import static dev.pageflags.mm.PageFlag.PG_mlocked;
import static dev.pageflags.mm.PageFlag.PG_unevictable;
import static dev.pageflags.mm.VmFlags.VM_LOCKED;

/**
 * 4.2's munlock of {@code mm/mlock.c}: {@code munlock_vma_page()} for one locked page and the
 * batched {@code munlock_vma_pages_range()} that munlock(), munmap() and exit take.
 *
 * <p>The batch clears VM_LOCKED first, then gathers the vma's pages under the pte lock
 * ({@code follow_page_mask()}, {@code __munlock_pagevec_fill()}), then in phase 1, under the lru
 * lock but without any page lock, clears PG_mlocked and isolates each page; phase 2 locks the
 * pages it isolated and files them. A page someone else holds isolated (reclaim, in race 001) is
 * left alone after phase 1.
 *
 * <p>Simplified: no THP (every page is a small page), one zone, one pmd (the vma's page table);
 * pages are addressed by pte index.
 */
public final class Mlock {
    /** {@code PAGEVEC_SIZE}. */
    static final int PAGEVEC_SIZE = 14;

    private final Rmap rmap;

    public Mlock(Rmap rmap) {
        this.rmap = rmap;
    }

    /**
     * {@code munlock_vma_page(page)} (4.2): with the page locked, under the lru lock: clear
     * PG_mlocked and isolate the page; if isolated, walk its other vmas and file it.
     *
     * @return the page mask: 0, no THP in the model
     */
    public int munlockVmaPage(Page page) {
        assert page.test(PG_locked) : "kernel BUG at mm/mlock.c: munlock_vma_page() of unlocked " + page;
        SpinLock lruLock = page.map().lruvec().lruLock();

        // Serialize with a parallel THP split; also stabilizes hpage_nr_pages().
        lruLock.lock();
        if (!page.testClear(PG_mlocked)) {
            lruLock.unlock();
            return 0;
        }
        page.map().vmstat().mod(VmStat.Item.NR_MLOCK, -1);
        if (munlockIsolateLruPage(page, true)) {
            lruLock.unlock();
            MlockCommon.munlockIsolatedPage(page, rmap);
            return 0;
        }
        // __munlock_isolation_failed(page) only counts an event.
        lruLock.unlock();
        return 0;
    }

    /** {@code munlock_vma_pages_all(vma)}: what {@code exit_mmap()} calls, without mmap_sem, for each VM_LOCKED vma. */
    public void munlockVmaPagesAll(Vma vma) {
        munlockVmaPagesRange(vma, 0, vma.pageTable().size());
    }

    /**
     * {@code munlock_vma_pages_range(vma, start, end)}: clear VM_LOCKED, then munlock every page
     * of the range in pagevec batches. From here on a racing {@code try_to_unmap_one()} that reads
     * vm_flags under the pte lock sees VM_LOCKED clear, because every page is found under that lock.
     */
    public void munlockVmaPagesRange(Vma vma, int start, int end) {
        // vma->vm_flags &= ~VM_LOCKED: one store of the whole word, as in Vma.
        vma.setVmFlags(vma.vmFlags() & ~VM_LOCKED);

        while (start < end) {
            Page page = Gup.followPageMask(vma, start);
            if (page != null) {
                // Small pages go in pagevec batches; the follow_page_mask() pin keeps THP from
                // collapsing them meanwhile.
                List<Page> pvec = new ArrayList<>(PAGEVEC_SIZE);
                pvec.add(page);
                start = munlockPagevecFill(pvec, vma, start, end);
                munlockPagevec(pvec);
                continue;
            }
            start++;
        }
    }

    /**
     * {@code __munlock_pagevec_fill()}: the first page is pinned already; pin the following
     * present pages of the same page table, under its pte lock. Returns the next address to scan.
     */
    int munlockPagevecFill(List<Page> pvec, Vma vma, int start, int end) {
        PteTable pt = vma.pageTable();
        // The walk starts at the page already pinned, so a pte is known to exist there.
        pt.ptl().lock(); // get_locked_pte()
        end = Math.min(end, pt.size()); // do not cross the page table boundary
        start++;
        while (start < end) {
            Page page = pt.pte(start);
            if (page == null) {
                break;
            }
            page.getPage();
            // Advance before a full pagevec ends the walk, so the caller resumes after this page.
            start++;
            pvec.add(page);
            if (pvec.size() == PAGEVEC_SIZE) {
                break;
            }
        }
        pt.ptl().unlock();
        return start;
    }

    /**
     * {@code __munlock_pagevec(pvec, zone)}. Phase 1 clears PG_mlocked and isolates under the lru
     * lock, with no page lock; phase 2 locks each isolated page and either puts it straight back
     * (mapped once and evictable) or walks its rmap first; phase 3 links the fast-path pages.
     *
     * <p>A page whose PG_mlocked phase 1 cleared but could not isolate is not subtracted from
     * NR_MLOCK: {@code delta_munlocked = -nr + pagevec_count(&pvec_putback)} counts only isolated
     * pages. That is 4.2's text (fixed later by 70feee0e1ef3, 4.13), kept as it was.
     */
    void munlockPagevec(List<Page> pvec) {
        int nr = pvec.size();
        List<Page> pvecPutback = new ArrayList<>(nr);
        Lruvec lruvec = pvec.get(0).map().lruvec(); // the zone's
        VmStat vmstat = pvec.get(0).map().vmstat();

        // Phase 1, under the lru lock and no page lock: clear PG_mlocked, isolate.
        lruvec.lruLock().lock();
        for (int i = 0; i < nr; i++) {
            Page page = pvec.get(i);
            if (page.testClear(PG_mlocked)) {
                // follow_page_mask()'s pin stands in for isolation's reference.
                if (munlockIsolateLruPage(page, false)) {
                    continue;
                }
                // __munlock_isolation_failed(page) only counts an event.
            }
            // Not munlocked in the next phase, but the follow_page_mask() pin must go; not under
            // lru_lock (if it is the last pin, freeing would take lru_lock again).
            pvecPutback.add(page);
            pvec.set(i, null);
        }
        int deltaMunlocked = -nr + pvecPutback.size();
        vmstat.mod(VmStat.Item.NR_MLOCK, deltaMunlocked);
        lruvec.lruLock().unlock();

        // Out of the lru lock: drop the pins of pages phase 2 will not touch.
        for (Page page : pvecPutback) {
            page.putPage();
        }
        pvecPutback.clear();

        // Phase 2, page by page under the page lock: file each isolated page.
        for (Page page : pvec) {
            if (page == null) {
                continue;
            }
            Filemap.lockPage(page);
            if (!putbackLruFastPrepare(page, pvecPutback)) {
                // Slow path: keep a reference across unlock_page(), then drop the pin.
                page.getPage(); // for putback_lru_page()
                MlockCommon.munlockIsolatedPage(page, rmap);
                Filemap.unlockPage(page);
                page.putPage(); // from follow_page_mask()
            }
        }

        // Phase 3: link the fast-path pages and drop their pins (__pagevec_lru_add()).
        for (Page page : pvecPutback) {
            Swap.lruCacheAdd(page);
            page.putPage();
        }
    }

    /**
     * {@code __putback_lru_fast_prepare()}: a page mapped once and evictable needs no rmap walk;
     * queue it for phase 3 and unlock it.
     */
    private static boolean putbackLruFastPrepare(Page page, List<Page> pvec) {
        if (page.mapcount() <= 1 && Vmscan.pageEvictable(page)) {
            pvec.add(page);
            page.testClear(PG_unevictable); // TestClearPageUnevictable: counts a rescue
            Filemap.unlockPage(page);
            return true;
        }
        return false;
    }

    /** {@code __munlock_isolate_lru_page(page, getpage)}: isolate with the lru lock already held. */
    private static boolean munlockIsolateLruPage(Page page, boolean getpage) {
        if (page.test(PG_lru)) {
            if (getpage) {
                page.getPage();
            }
            page.clear(PG_lru);
            page.map().lruvec().delPageFromLruList(page, Lruvec.pageLru(page));
            return true;
        }
        return false;
    }
}
