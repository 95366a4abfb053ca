package dev.pageflags.mm.v5_18;

import dev.pageflags.mm.Page;
import dev.pageflags.mm.PteTable;
import dev.pageflags.mm.RwSemaphore;
import dev.pageflags.mm.Variant;
import dev.pageflags.mm.Vma;

import static dev.pageflags.mm.VmFlags.VM_IO;
import static dev.pageflags.mm.VmFlags.VM_LOCKED;
import static dev.pageflags.mm.VmFlags.VM_SPECIAL;

/**
 * The vma half of 5.18's {@code mm/mlock.c}: mlock(2) and munlock(2) set or clear VM_LOCKED on a
 * vma under mmap_lock for writing, then walk its page table and count every page already mapped
 * there up ({@link Mlock#mlockFolio}) or down ({@link Mlock#munlockPage}).
 *
 * <p>mmap_lock keeps other mlockers out, but not the rmap walkers (page migration, reclaim), which
 * hold only the pte lock and decide from {@code vma->vm_flags} whether to mlock a page they map.
 * Between the store of VM_LOCKED and the walk's pte lock, such a walker can count a page that the
 * walk then counts again: race 002. The fix, in {@link #mlockVmaPagesRange}, publishes VM_IO with
 * VM_LOCKED for the length of the walk, and {@link MlockVma#mlockVmaPage} declines such a vma.
 *
 * <p>A vma here covers its whole page table, and "addresses" are pte indices in it.
 */
public final class MlockWalk {
    private final Variant variant;

    public MlockWalk(Variant variant) {
        this.variant = variant;
    }

    public Variant variant() {
        return variant;
    }

    /**
     * {@code mlock(addr, len)} over the whole of {@code vma}: {@code do_mlock()} reduced to its locked
     * part. The RLIMIT_MEMLOCK check and the {@code __mm_populate()} that faults in missing pages
     * afterwards, without mmap_lock for writing, are left out: the race is over by then.
     */
    public void doMlock(Vma vma) {
        applyVmaLockFlags(vma, VM_LOCKED);
    }

    /** {@code munlock(addr, len)} over the whole of {@code vma}. */
    public void doMunlock(Vma vma) {
        applyVmaLockFlags(vma, 0);
    }

    /**
     * {@code apply_vma_lock_flags()} for a range that is exactly one vma, under
     * {@code mmap_write_lock(mm)} as its callers take it.
     */
    private void applyVmaLockFlags(Vma vma, long flags) {
        RwSemaphore mmapLock = vma.mm().mmapSem();
        mmapLock.downWrite();
        try {
            // VM_LOCKED_CLEAR_MASK: VM_LOCKED and VM_LOCKONFAULT (not modelled) are replaced by flags.
            long newflags = (vma.vmFlags() & ~VM_LOCKED) | flags;
            mlockFixup(vma, 0, vma.pageTable().size(), newflags);
        } finally {
            mmapLock.upWrite();
        }
    }

    /**
     * {@code mlock_fixup(vma, &prev, start, end, newflags)}. Called with mmap_lock held for writing.
     * Reduced: no {@code vma_merge()} / {@code split_vma()} (the range is the whole vma), no
     * {@code mm->locked_vm} accounting, and of the filters only the two a plain anonymous vma can
     * hit (the hugetlb, gate, DAX and secretmem vmas do not exist here).
     */
    public void mlockFixup(Vma vma, int start, int end, long newflags) {
        long oldflags = vma.vmFlags();
        if (newflags == oldflags || (oldflags & VM_SPECIAL) != 0) {
            return; // don't set VM_LOCKED or VM_LOCKONFAULT and don't count
        }
        if ((newflags & VM_LOCKED) != 0 && (oldflags & VM_LOCKED) != 0) {
            // No work to do, and mlocking twice would be wrong
            vma.setVmFlags(newflags);
        } else {
            mlockVmaPagesRange(vma, start, end, newflags);
        }
    }

    /**
     * {@code mlock_vma_pages_range(vma, start, end, newflags)}: publish the new flags, then mlock
     * (or munlock) every page the range maps now. Called with mmap_lock held for writing.
     */
    void mlockVmaPagesRange(Vma vma, int start, int end, long newflags) {
        // The fix: VM_IO, a VM_SPECIAL flag never allowed with VM_LOCKED, tells the rmap walkers
        // (mlock_vma_page()) that this walk will count the pages: they must not count them too.
        // It goes out in the same single store as VM_LOCKED, so no walker can see one without the other.
        if (variant.isFixed() && (newflags & VM_LOCKED) != 0) {
            newflags |= VM_IO;
        }
        vma.setVmFlags(newflags); // WRITE_ONCE(vma->vm_flags, newflags)

        // lru_add_drain(): the model has no lru_add pagevecs to drain
        walkPageRange(vma, start, end);
        // lru_add_drain()

        if (variant.isFixed() && (newflags & VM_IO) != 0) {
            newflags &= ~VM_IO;
            vma.setVmFlags(newflags);
        }
    }

    /**
     * {@code walk_page_range(mm, start, end, &mlock_walk_ops, NULL)}: with one page table and no
     * huge pmds, the walk is one {@code .pmd_entry} call.
     */
    private static void walkPageRange(Vma vma, int start, int end) {
        mlockPteRange(vma, start, end);
    }

    /**
     * {@code mlock_pte_range(pmd, addr, end, walk)}: under the pte lock, mlock or munlock (as the
     * vma's flags now say) each page that is mapped by a present pte. A migration entry is not
     * present: whoever replaces it by a pte ({@code remove_migration_pte()}) decides about the mlock.
     * The THP branch ({@code pmd_trans_huge_lock()}) and the zone-device and compound-page filters
     * have nothing to filter here.
     */
    static void mlockPteRange(Vma vma, int start, int end) {
        PteTable ptes = vma.pageTable();
        ptes.ptl().lock(); // pte_offset_map_lock()
        try {
            for (int addr = start; addr != end; addr++) {
                Page page = ptes.pte(addr); // null unless pte_present(); vm_normal_page()
                if (page == null) {
                    continue;
                }
                if ((vma.vmFlags() & VM_LOCKED) != 0) {
                    Mlock.mlockFolio(page);
                } else {
                    Mlock.munlockPage(page);
                }
            }
        } finally {
            ptes.ptl().unlock();
        }
    }
}
