package dev.pageflags.mm.v3_13;

import dev.pageflags.mm.Page;
import dev.pageflags.mm.VmStat;
import dev.pageflags.mm.vmscan.MlockCommon;
import dev.pageflags.mm.vmscan.Vmscan;

import static dev.pageflags.mm.PageFlag.PG_locked;
import static dev.pageflags.mm.PageFlag.PG_mlocked;

/**
 * 3.13's munlock of one page ({@code munlock_vma_page()} and its helpers in {@code mm/mlock.c}).
 * {@code mlock_vma_page()} is the same text in 3.13 and 4.2: see
 * {@link dev.pageflags.mm.vmscan.MlockCommon#mlockVmaPage}.
 */
public final class Mlock {
    private final Rmap rmap;

    public Mlock(Rmap rmap) {
        this.rmap = rmap;
    }

    /**
     * {@code munlock_vma_page(page)}: called from munlock/munmap with the page locked, for a vma
     * that is no longer VM_LOCKED. Clears PG_mlocked first (it may get no other chance),
     * then isolates the page to walk its other vmas in {@code try_to_munlock()}, which mlocks it
     * again if one of them is VM_LOCKED. If the isolation fails, someone else has the page off the
     * LRU and is trusted to file it right: nothing here calls {@code try_to_munlock()} then.
     *
     * @return the page mask: 0, no THP in the model
     */
    public int munlockVmaPage(Page page) {
        assert page.test(PG_locked) : "kernel BUG at mm/mlock.c: munlock_vma_page() of unlocked " + page;

        if (page.testClear(PG_mlocked)) {
            page.map().vmstat().mod(VmStat.Item.NR_MLOCK, -1);
            if (Vmscan.isolateLruPage(page) == 0) {
                MlockCommon.munlockIsolatedPage(page, rmap);
            }
            // else __munlock_isolation_failed(page): it only counts an event.
        }
        return 0;
    }
}
