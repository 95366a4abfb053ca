package dev.pageflags.mm.v5_18;

import dev.pageflags.mm.Page;
import dev.pageflags.mm.Vma;

/**
 * The mlock-relevant part of 5.18's {@code mm/rmap.c}: adding a pte mapping of a page ends with
 * {@code mlock_vma_page()}, so that a page mapped into a VM_LOCKED vma is counted as mlocked there.
 * Called with the pte lock held.
 */
public final class Rmap {
    private final MlockVma mlockVma;

    public Rmap(MlockVma mlockVma) {
        this.mlockVma = mlockVma;
    }

    /**
     * {@code page_add_anon_rmap(page, vma, address, flags)} for a small page. Reduced to the mapcount
     * and the mlock: the NR_ANON_MAPPED statistics and {@code __page_set_anon_rmap()} (the anon_vma
     * link, the only reader of {@code address}) are left out, as no race here reads them.
     */
    public void pageAddAnonRmap(Page page, Vma vma, int address) {
        page.incMapcount(); // atomic_inc_and_test(&page->_mapcount): "first" feeds only the left-out parts
        mlockVma.mlockVmaPage(page, vma);
    }
}
