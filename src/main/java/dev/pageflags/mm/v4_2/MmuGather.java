package dev.pageflags.mm.v4_2;

import dev.pageflags.mm.Page;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code struct mmu_gather}, reduced to its page batch: a zap unmaps pages under the pte lock but
 * drops their references only after the TLB flush, in {@link #tlbFinishMmu}.
 */
public final class MmuGather {
    private final List<Page> pages = new ArrayList<>(1);

    /** {@code __tlb_remove_page(tlb, page)}: keep the pte's reference until the flush. */
    void tlbRemovePage(Page page) {
        pages.add(page);
    }

    /**
     * {@code tlb_finish_mmu()}: flush, then {@code free_pages_and_swap_cache()}: drop each
     * batched page's reference; the last one takes the page off its LRU list and frees it, with
     * the free-time checks that report "Bad page state" ({@link Page#putPage()}).
     */
    public void tlbFinishMmu() {
        for (Page page : pages) {
            page.putPage();
        }
        pages.clear();
    }
}
