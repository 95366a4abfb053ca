package dev.pageflags.mm.vmscan;

import dev.pageflags.mm.Page;
import dev.pageflags.mm.PteTable;
import dev.pageflags.mm.SpinLock;
import dev.pageflags.mm.Vma;

import java.util.ArrayList;
import java.util.List;

/**
 * What an rmap walk of the 3.x-4.x kernels iterates over: for a file page its
 * {@code mapping->i_mmap} tree of linear vmas and its {@code i_mmap_nonlinear} list; for an anon
 * page its anon_vma chain (linear vmas only).
 *
 * <p>Simplified: the model has no {@code page->mapping}, so walkers are handed this object. A
 * linear vma maps page {@code pfn} at pte {@code pfn} of its page table ({@code vma_address()}
 * with {@code page->index == pfn}); a nonlinear vma puts pages wherever {@code remap_file_pages()}
 * put them, and only a scan of its ptes finds them.
 */
public final class ReverseMap {
    private final SpinLock iMmapMutex = new SpinLock();
    private final List<Vma> iMmap = new ArrayList<>(4);
    private final List<Vma> iMmapNonlinear = new ArrayList<>(2);

    /**
     * 3.13's {@code mapping->i_mmap_mutex}, held by {@code try_to_unmap_file()} for its whole
     * walk. A sleeping mutex in the kernel; a spinlock keeps its mutual exclusion, which is all
     * the walk relies on. (4.x walkers take {@code i_mmap_rwsem} or the anon_vma rwsem for read,
     * which excludes nothing the 001 races do, so the 4.2 model does not take it.)
     */
    public SpinLock iMmapMutex() {
        return iMmapMutex;
    }

    public List<Vma> iMmap() {
        return iMmap;
    }

    public List<Vma> iMmapNonlinear() {
        return iMmapNonlinear;
    }

    /**
     * The fault path's end result for a linear vma: {@code set_pte_at()}, {@code page_add_*_rmap()}
     * and the reference the pte holds. Setup only.
     */
    public ReverseMap mapLinear(Vma vma, Page page) {
        if (!iMmap.contains(vma)) {
            iMmap.add(vma);
        }
        install(vma.pageTable(), vmaAddress(page), page);
        return this;
    }

    /** {@code remap_file_pages()}'s end result: {@code page} at pte {@code index} of a nonlinear vma. Setup only. */
    public ReverseMap mapNonlinear(Vma vma, int index, Page page) {
        if (!iMmapNonlinear.contains(vma)) {
            iMmapNonlinear.add(vma);
        }
        install(vma.pageTable(), index, page);
        return this;
    }

    /** {@code vma_address(page, vma)} for a linear vma: the pte index that maps the page. */
    public static int vmaAddress(Page page) {
        return page.pfn();
    }

    private static void install(PteTable table, int index, Page page) {
        page.getPage();
        page.incMapcount();
        table.setPte(index, page);
    }
}
