package dev.pageflags.mm.v2_6_32;

import dev.pageflags.mm.Page;
import dev.pageflags.mm.PageFlagsBug;
import dev.pageflags.mm.VmStat;

import static dev.pageflags.mm.PageFlag.PG_locked;
import static dev.pageflags.mm.PageFlag.PG_unevictable;

/** The munlocking side of race 003, from {@code mm/mlock.c} of 2.6.31/2.6.32. */
public final class Mlock {
    private final Zone zone;
    private final Vmscan vmscan;

    public Mlock(Zone zone, Vmscan vmscan) {
        this.zone = zone;
        this.vmscan = vmscan;
    }

    /**
     * {@code munlock_vma_page()}: clear PG_mlocked, then move the page off the unevictable list if
     * it can be isolated. The caller ({@code munlock_vma_pages_range()}) holds the page lock; the
     * putback side does not take it, so it orders nothing between the two. The seed's patch adds
     * the same three steps to {@code zap_pte_range()}, without the page lock.
     *
     * <p>TestClearPageMlocked is fully ordered, one half of a Dekker pair: if this side then does
     * not see PG_lru and fails isolation, the putback side must see PG_mlocked clear and move the
     * page back itself (the kernel's comment here: "putback_lru_page() will take care of removing
     * the page from the unevictable list, if necessary"). That needs the other half, a full
     * barrier between the putback's PG_lru store and its PG_mlocked load.
     *
     * <p>{@code try_to_munlock()} is left out: the model's page has no other VM_LOCKED mapping, so
     * the rmap walk would find none and report that the page may go evictable.
     *
     * @return whether this side isolated the page and put it back itself; the kernel's function
     *         returns nothing, the stress tests read it to tell the two rescues apart
     */
    public boolean munlockVmaPage(Page page) {
        if (!page.test(PG_locked)) {
            throw new PageFlagsBug("munlock_vma_page: BUG_ON(!PageLocked(page)) " + page);
        }

        if (!zone.flags().testClearPageMlocked(page)) {
            return false;
        }
        zone.vmstat().mod(VmStat.Item.NR_MLOCK, -1);
        if (vmscan.isolateLruPage(page) == 0) {
            zone.vmstat().count(VmStat.Event.UNEVICTABLE_PGMUNLOCKED, 1);
            vmscan.putbackLruPage(page);
            return true;
        }
        // Some other task has the page off the LRU: its putback is trusted to see PG_mlocked clear.
        zone.vmstat().count(page.test(PG_unevictable)
                ? VmStat.Event.UNEVICTABLE_PGSTRANDED : VmStat.Event.UNEVICTABLE_PGMUNLOCKED, 1);
        return false;
    }
}
