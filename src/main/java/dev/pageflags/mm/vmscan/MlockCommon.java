package dev.pageflags.mm.vmscan;

import dev.pageflags.mm.Page;
import dev.pageflags.mm.VmStat;

import static dev.pageflags.mm.PageFlag.PG_locked;
import static dev.pageflags.mm.PageFlag.PG_mlocked;

/**
 * The two {@code mm/mlock.c} entry points whose text is the same in 3.13 and 4.2:
 * {@code mlock_vma_page()} and {@code clear_page_mlock()}. The munlock side differs between the
 * eras and lives in each era's {@code Mlock}.
 *
 * <p>Of the per-CPU vm events only UNEVICTABLE_PGMLOCKED is counted: it is how race 000's check
 * tells "a VM_LOCKED vma had the page mlocked" from "nobody mlocked it yet".
 *
 * <p>On {@code BUG_ON(!PageLocked(page))}: it is a Java {@code assert} here. Unit tests run with
 * assertions on, and there the broken 3.13 cluster scan trips it, as Sasha Levin's trinity run
 * did in December 2013. JCStress forks its VMs without {@code -ea}, so in the stress tests the
 * check is gone, which is exactly the proposal Linus Torvalds answered in seed 000 (drop the
 * BUG_ON, the atomic TestSetPageMlocked protects well enough): the broken stress variant shows
 * what happens once nothing stops an unlocked caller.
 */
public final class MlockCommon {
    private MlockCommon() {
    }

    /**
     * {@code mlock_vma_page(page)}: mark the page mlocked if it is not already, count it, and move
     * it to the unevictable list if it is on an LRU list now. Callers hold the page lock, which
     * serialises it with page migration and, per seed 000, with munlock.
     */
    public static void mlockVmaPage(Page page) {
        assert page.test(PG_locked) : "kernel BUG at mm/mlock.c: mlock_vma_page() of unlocked " + page;

        if (!page.testSet(PG_mlocked)) {
            page.map().vmstat().mod(VmStat.Item.NR_MLOCK, 1);
            page.map().vmstat().count(VmStat.Event.UNEVICTABLE_PGMLOCKED, 1);
            if (Vmscan.isolateLruPage(page) == 0) {
                Vmscan.putbackLruPage(page);
            }
        }
    }

    /**
     * {@code clear_page_mlock(page)}: used when the last pte of a page goes
     * ({@code page_remove_rmap()}) or the page leaves the page cache. Needs no page lock; called
     * under the pte lock from the unmap paths. If someone else holds the page isolated, it stays
     * where that someone puts it.
     */
    public static void clearPageMlock(Page page) {
        if (!page.testClear(PG_mlocked)) {
            return;
        }
        page.map().vmstat().mod(VmStat.Item.NR_MLOCK, -1);
        if (Vmscan.isolateLruPage(page) == 0) {
            Vmscan.putbackLruPage(page);
        }
        // Otherwise whoever holds the page isolated files it; it is evictable now.
    }

    /**
     * {@code __munlock_isolated_page(page)}, the same in 3.13 and 4.2: the munlocker holds the page
     * locked and isolated; if anyone else maps it, ask the rmap whether a VM_LOCKED vma still wants
     * it mlocked (which mlocks it again), then file it by its flags.
     */
    public static void munlockIsolatedPage(Page page, TryToMunlock rmap) {
        // Mapped only once: by the vma being munlocked, so no other vma can want it mlocked.
        if (page.mapcount() > 1) {
            // Its result only chooses which vm event to count.
            rmap.tryToMunlock(page);
        }
        Vmscan.putbackLruPage(page);
    }
}
