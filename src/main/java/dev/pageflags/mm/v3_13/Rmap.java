package dev.pageflags.mm.v3_13;

import dev.pageflags.mm.Filemap;
import dev.pageflags.mm.MmStruct;
import dev.pageflags.mm.Page;
import dev.pageflags.mm.PageFlagsBug;
import dev.pageflags.mm.PteTable;
import dev.pageflags.mm.Variant;
import dev.pageflags.mm.Vma;
import dev.pageflags.mm.vmscan.MlockCommon;
import dev.pageflags.mm.vmscan.ReverseMap;
import dev.pageflags.mm.vmscan.RmapCommon;
import dev.pageflags.mm.vmscan.SwapResult;
import dev.pageflags.mm.vmscan.TryToMunlock;
import dev.pageflags.mm.vmscan.TtuAction;

import static dev.pageflags.mm.PageFlag.PG_locked;
import static dev.pageflags.mm.PageFlag.PG_lru;
import static dev.pageflags.mm.VmFlags.VM_LOCKED;

/**
 * 3.13's file rmap walk ({@code try_to_unmap_file()}, {@code try_to_munlock()}) and the cluster
 * scan of nonlinear vmas ({@code try_to_unmap_cluster()}), over one file's {@link ReverseMap}.
 *
 * <p>Simplified: each nonlinear vma is scanned as one cluster (its whole pte table, up to the
 * kernel's 32 ptes) starting at cursor 0; the {@code vm_private_data} cursor bookkeeping that
 * spreads the scan over many calls is left out.
 */
public final class Rmap implements TryToMunlock {
    /** The 3.13 release predates b87537d9: try_to_unmap_one() still uses the mmap_sem trylock. */
    private static final Variant TRY_TO_UNMAP_ONE_313 = Variant.BROKEN;

    private final Variant variant;
    private final ReverseMap mapping;

    /**
     * @param variant {@link Variant#FIXED} applies 57e68e9cd65b to {@link #tryToUnmapCluster}
     * @param mapping the file whose pages are walked
     */
    public Rmap(Variant variant, ReverseMap mapping) {
        this.variant = variant;
        this.mapping = mapping;
    }

    public ReverseMap mapping() {
        return mapping;
    }

    /**
     * {@code try_to_unmap(page, TTU_UNMAP)} for a file page, as reclaim calls it with the page
     * locked and isolated.
     */
    public SwapResult tryToUnmap(Page page) {
        assert page.test(PG_locked) : "try_to_unmap of unlocked " + page;
        SwapResult ret = tryToUnmapFile(page, TtuAction.TTU_UNMAP);
        if (ret != SwapResult.SWAP_MLOCK && page.mapcount() == 0) {
            ret = SwapResult.SWAP_SUCCESS;
        }
        return ret;
    }

    /**
     * {@code try_to_munlock(page)}: called by munlock with the page locked and isolated, to find
     * out whether another vma still has it mlocked; if one does, {@code try_to_unmap_one()}
     * mlocks the page again and this returns {@link SwapResult#SWAP_MLOCK}.
     */
    @Override
    public SwapResult tryToMunlock(Page page) {
        if (!page.test(PG_locked) || page.test(PG_lru)) {
            throw new PageFlagsBug("try_to_munlock needs a locked, isolated page: " + page);
        }
        return tryToUnmapFile(page, TtuAction.TTU_MUNLOCK);
    }

    /**
     * {@code try_to_unmap_file(page, flags)}: every linear vma through {@code try_to_unmap_one()},
     * then, for reclaim only, the nonlinear vmas through {@link #tryToUnmapCluster}; all under
     * {@code i_mmap_mutex}.
     */
    SwapResult tryToUnmapFile(Page page, TtuAction action) {
        SwapResult ret = SwapResult.SWAP_AGAIN;
        mapping.iMmapMutex().lock();
        try {
            for (Vma vma : mapping.iMmap()) {
                ret = RmapCommon.tryToUnmapOne(page, vma, action, TRY_TO_UNMAP_ONE_313);
                if (ret != SwapResult.SWAP_AGAIN || page.mapcount() == 0) {
                    return ret;
                }
            }
            if (mapping.iMmapNonlinear().isEmpty()) {
                return ret;
            }
            // 3.13 does not scan nonlinear vmas for try_to_munlock(): too costly; reclaim mlocks
            // such a page again when its cluster scan meets it.
            if (action == TtuAction.TTU_MUNLOCK) {
                return ret;
            }
            for (Vma vma : mapping.iMmapNonlinear()) {
                if (tryToUnmapCluster(vma, page) == SwapResult.SWAP_MLOCK) {
                    ret = SwapResult.SWAP_MLOCK;
                }
                if (page.mapcount() <= 0) {
                    break;
                }
            }
            return ret;
        } finally {
            mapping.iMmapMutex().unlock();
        }
    }

    /**
     * {@code try_to_unmap_cluster(cursor, &mapcount, vma, check_page)}: reclaim of
     * {@code checkPage} (locked by the caller) scans a cluster of a nonlinear vma, because it
     * cannot tell which of its ptes map that page. If the vma is VM_LOCKED (checked under
     * mmap_sem, if it can be had without blocking), every page found is mlocked instead of
     * unmapped; other pages of the cluster are pages this caller does NOT hold locked.
     *
     * <p>3.13 called {@code mlock_vma_page()} on them anyway. The fix trylocks each such page and
     * leaves a busy one alone, for a later scan to find.
     */
    public SwapResult tryToUnmapCluster(Vma vma, Page checkPage) {
        MmStruct mm = vma.mm();
        PteTable pt = vma.pageTable();
        SwapResult ret = SwapResult.SWAP_AGAIN;
        boolean lockedVma = false;

        // VM_LOCKED is trusted only under mmap_sem (taken without blocking); a locked vma keeps
        // the sem for the whole scan.
        if (mm.mmapSem().downReadTrylock()) {
            lockedVma = (vma.vmFlags() & VM_LOCKED) != 0;
            if (!lockedVma) {
                mm.mmapSem().upRead();
            }
        }

        pt.ptl().lock();
        for (int address = 0; address < pt.size(); address++) {
            Page page = pt.pte(address);
            if (page == null) {
                continue;
            }
            if (lockedVma) {
                if (!variant.isFixed()) {
                    MlockCommon.mlockVmaPage(page); // nothing to do if already PG_mlocked
                    if (page == checkPage) {
                        ret = SwapResult.SWAP_MLOCK;
                    }
                } else if (page == checkPage) {
                    // reclaim holds check_page's lock already
                    MlockCommon.mlockVmaPage(page);
                    ret = SwapResult.SWAP_MLOCK;
                } else if (Filemap.trylockPage(page)) {
                    // 57e68e9cd65b: mlock only a page we could lock; a busy one waits for a
                    // later scan.
                    MlockCommon.mlockVmaPage(page);
                    Filemap.unlockPage(page);
                }
                continue; // pages of a locked vma stay mapped
            }
            // Unmap. (No young-bit check, no nonlinear file-offset pte, no dirty transfer:
            // nothing here reads them.)
            pt.ptepGetAndClear(address);
            RmapCommon.pageRemoveRmap(page);
            page.putPage(); // page_cache_release(page)
        }
        pt.ptl().unlock();
        if (lockedVma) {
            mm.mmapSem().upRead();
        }
        return ret;
    }
}
