package dev.pageflags.mm.v4_2;

import dev.pageflags.mm.Page;
import dev.pageflags.mm.PteTable;
import dev.pageflags.mm.Vma;

/** {@code follow_page_mask()} of {@code mm/gup.c} (4.2), for the munlock walk. */
public final class Gup {
    private Gup() {
    }

    /**
     * {@code follow_page_mask(vma, address, FOLL_GET | FOLL_DUMP, &page_mask)}: look the pte up
     * under the pte lock and pin the page it maps. This pte lock is the one that, after b87537d9,
     * orders munlock after any {@code try_to_unmap_one()} that already saw VM_LOCKED.
     *
     * @return the pinned page, or null when the pte maps none (FOLL_DUMP's error cases included)
     */
    public static Page followPageMask(Vma vma, int address) {
        PteTable pt = vma.pageTable();
        pt.ptl().lock();
        Page page = pt.pte(address);
        if (page != null) {
            page.getPage(); // FOLL_GET
        }
        pt.ptl().unlock();
        return page;
    }
}
