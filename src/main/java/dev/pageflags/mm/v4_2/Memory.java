package dev.pageflags.mm.v4_2;

import dev.pageflags.mm.Page;
import dev.pageflags.mm.PteTable;
import dev.pageflags.mm.Vma;
import dev.pageflags.mm.vmscan.RmapCommon;

/** {@code zap_pte_range()} of {@code mm/memory.c} (4.2), the page-table end of munmap, exit and truncation. */
public final class Memory {
    private Memory() {
    }

    /**
     * {@code zap_pte_range(tlb, vma, pmd, addr, end, details)}: under the pte lock, clear each
     * present pte, drop its rmap ({@code page_remove_rmap()}, which clears PG_mlocked when the last
     * mapping goes) and queue the page in the TLB batch. Truncation's
     * {@code unmap_mapping_range()} comes here holding {@code i_mmap_rwsem}, never mmap_sem.
     *
     * <p>Simplified: no rss counters, no dirty/accessed transfer, no {@code details} filtering, and
     * the batch never fills (no forced flush inside the loop).
     */
    public static void zapPteRange(MmuGather tlb, Vma vma, int addr, int end) {
        PteTable pt = vma.pageTable();
        pt.ptl().lock();
        for (; addr < end; addr++) {
            Page page = pt.pte(addr);
            if (page == null) {
                continue;
            }
            pt.ptepGetAndClear(addr);
            RmapCommon.pageRemoveRmap(page);
            tlb.tlbRemovePage(page);
        }
        pt.ptl().unlock();
    }
}
