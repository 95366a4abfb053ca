package dev.pageflags.mm.v4_2;

import dev.pageflags.mm.Filemap;
import dev.pageflags.mm.MemMap;
import dev.pageflags.mm.MmStruct;
import dev.pageflags.mm.Page;
import dev.pageflags.mm.PteTable;
import dev.pageflags.mm.Variant;
import dev.pageflags.mm.Vma;
import dev.pageflags.mm.vmscan.ReverseMap;
import dev.pageflags.mm.vmscan.RmapCommon;
import dev.pageflags.mm.vmscan.Swap;
import dev.pageflags.mm.vmscan.SwapResult;
import dev.pageflags.mm.vmscan.TtuAction;
import dev.pageflags.mm.vmscan.Vmscan;

import static dev.pageflags.mm.PageFlag.PG_swapbacked;
import static dev.pageflags.mm.VmFlags.VM_LOCKED;
import static dev.pageflags.mm.VmFlags.VM_READ;
import static dev.pageflags.mm.VmFlags.VM_WRITE;

/**
 * The world of race 001: reclaim holds an anonymous page of a VM_LOCKED vma and is about to
 * unmap it, while the vma's owner exits or the file behind it is truncated.
 *
 * <ul>
 *   <li>{@link #vma}: a private VM_LOCKED mapping of a file, one pte.</li>
 *   <li>{@link #page}: an anonymous COW page there, not yet mlocked (mlock's populate only
 *       trylocks pages, so reclaim can still find a page of a locked vma on an evictable list).
 *       Reclaim has isolated it from the LRU and holds its page lock.</li>
 *   <li>{@link #childVma}, only in the world built with {@code forkedChild}: the same page mapped a
 *       second time, by a child the owner forked. {@code dup_mmap()} clears VM_LOCKED in the
 *       child's copy of the vma ({@code tmp->vm_flags &= ~VM_LOCKED}: mlock is not inherited), so
 *       that mapping never wants the page mlocked, and it outlives the owner's exit.</li>
 * </ul>
 *
 * <p>References: one per pte and reclaim's isolation reference.
 *
 * <p>Simplified: the rmap walk visits the owner's vma first and the child's second (the kernel's
 * anon_vma interval tree orders them by address range, and both cover the same one).
 */
public final class LockedVmaUnderReclaim {
    public final MemMap map = new MemMap(1);
    public final Page page;
    public final Vma vma;
    /** The forked child's mapping of {@link #page}, without VM_LOCKED; null in the one-mapping world. */
    public final Vma childVma;
    public final ReverseMap anonVma = new ReverseMap();
    public final Rmap rmap;
    public final Mlock mlock;
    private final Variant variant;

    /** The page mapped only by the VM_LOCKED vma. */
    public LockedVmaUnderReclaim(Variant variant) {
        this(variant, false);
    }

    /**
     * With {@code forkedChild}, the page mapped by the VM_LOCKED vma and by the vma of a child
     * forked after the page was faulted in: its copy of the vma lacks VM_LOCKED, and the page is
     * shared with it until either side writes to it. Without, as {@link #LockedVmaUnderReclaim(Variant)}.
     *
     * <p>A constructor, not a static factory of this class: Lincheck 3.6 (JDK 17) runs
     * {@code LockedVmaUnderReclaim.forkedChild(variant)}, a static method of this class returning
     * {@code new LockedVmaUnderReclaim(...)}, without analysing it, and nothing the world built
     * there holds (vm_flags, the pte locks, the page's flag word) ever becomes a switch point:
     * race 001's munlock-all check then explored 12 interleavings and called that complete. The
     * same world built by this constructor, or by a static method of another class, is explored
     * and loses well within its bound (see the stress module's lincheck/README.md).
     */
    public LockedVmaUnderReclaim(Variant variant, boolean forkedChild) {
        this.variant = variant;
        vma = new Vma(new MmStruct(), new PteTable(map, 1), VM_READ | VM_WRITE | VM_LOCKED);
        childVma = forkedChild ? new Vma(new MmStruct(), new PteTable(map, 1), VM_READ | VM_WRITE) : null;
        page = map.allocPage();
        page.set(PG_swapbacked);
        anonVma.mapLinear(vma, page);
        page.putPage(); // the allocation's reference became the pte's
        if (childVma != null) {
            anonVma.mapLinear(childVma, page); // dup_mmap() -> copy_page_range(): a second pte
        }
        Swap.lruCacheAdd(page);

        // shrink_inactive_list() isolated it; shrink_page_list() locked it.
        Vmscan.isolateLruPage(page);
        Filemap.trylockPage(page);

        rmap = new Rmap(variant, anonVma);
        mlock = new Mlock(rmap);
    }

    /**
     * {@code shrink_page_list()} on the page: {@code try_to_unmap()}; a VM_LOCKED vma makes it
     * SWAP_MLOCK (cull_mlocked), an unmapped page SWAP_SUCCESS; either way the page lock is
     * dropped here.
     */
    public SwapResult reclaimTriesToUnmap() {
        SwapResult ret = rmap.tryToUnmap(page);
        Filemap.unlockPage(page);
        return ret;
    }

    /**
     * Reclaim's {@code try_to_unmap()} has reached {@code try_to_unmap_one()} for the vma, and
     * {@code page_check_address()} found the page there: the pte lock is held from here until
     * {@link #reclaimContinuesUnmap()} drops it.
     */
    public void reclaimFindsPte() {
        if (!RmapCommon.pageCheckAddress(page, vma.pageTable(), ReverseMap.vmaAddress(page))) {
            throw new IllegalStateException("the pte must map the page when reclaim starts: " + page);
        }
    }

    /**
     * The rest of {@code try_to_unmap_one()} after {@link #reclaimFindsPte()}, the end of
     * {@code try_to_unmap()} (the vma is the page's only one), and the page lock dropped.
     */
    public SwapResult reclaimContinuesUnmap() {
        SwapResult ret = RmapCommon.tryToUnmapOneLocked(page, vma, TtuAction.TTU_UNMAP, variant);
        if (ret != SwapResult.SWAP_MLOCK && page.mapcount() == 0) {
            ret = SwapResult.SWAP_SUCCESS;
        }
        Filemap.unlockPage(page);
        return ret;
    }

    /**
     * {@code shrink_page_list()}'s end for the page: an unmapped page is freed
     * ({@link #reclaimReleasesPage()}), any other goes back to an LRU list
     * ({@link #reclaimPutsBack()}).
     */
    public void reclaimFinishes(SwapResult ret) {
        if (ret == SwapResult.SWAP_SUCCESS) {
            reclaimReleasesPage();
        } else {
            reclaimPutsBack();
        }
    }

    /** {@code putback_inactive_pages()}: a page reclaim kept goes back to the list its flags choose. */
    public void reclaimPutsBack() {
        Vmscan.putbackLruPage(page);
    }

    /**
     * The end of reclaim for a page nobody maps any more: its isolation reference is the last,
     * and dropping it frees the page, with the free-time check that reports "Bad page state".
     * The kernel would link the page on an LRU list first and {@code __page_cache_release()}
     * would unlink it again before that check; the model skips the round trip.
     */
    public void reclaimReleasesPage() {
        page.putPage();
    }

    /** {@code exit_mmap()}: {@code munlock_vma_pages_all()} for the VM_LOCKED vma, without mmap_sem. */
    public void exitMunlocks() {
        mlock.munlockVmaPagesAll(vma);
    }

    /**
     * The rest of {@code exit_mmap()} after the munlock: {@code unmap_vmas()} zaps the vma's ptes
     * ({@code page_remove_rmap()} clears PG_mlocked only when the last mapping goes), and
     * {@code tlb_finish_mmu()} drops their references. ({@code free_pgtables()} and the vma
     * teardown are left out: no page flag changes there.)
     */
    public void exitUnmaps() {
        MmuGather tlb = new MmuGather();
        Memory.zapPteRange(tlb, vma, 0, vma.pageTable().size());
        tlb.tlbFinishMmu();
    }

    /**
     * Truncation: {@code unmap_mapping_range()} zaps even the private COWs of the file's pages,
     * holding {@code i_mmap_rwsem} and not mmap_sem, then flushes and drops the pte's reference.
     */
    public void truncateZaps() {
        MmuGather tlb = new MmuGather();
        Memory.zapPteRange(tlb, vma, 0, vma.pageTable().size());
        tlb.tlbFinishMmu();
    }
}
