package dev.pageflags.mm.vmscan;

import dev.pageflags.mm.MmStruct;
import dev.pageflags.mm.Page;
import dev.pageflags.mm.PteTable;
import dev.pageflags.mm.Variant;
import dev.pageflags.mm.Vma;

import static dev.pageflags.mm.PageFlag.PG_mlocked;
import static dev.pageflags.mm.VmFlags.VM_LOCKED;

/**
 * {@code try_to_unmap_one()} and {@code page_remove_rmap()} of {@code mm/rmap.c}: the parts that
 * decide PG_mlocked, which read the same from 3.13 to 4.2.
 *
 * <p>{@link #tryToUnmapOne} carries race 001's fix. Up to 4.2, a walker that found the page in a
 * VM_LOCKED vma dropped the pte lock, took {@code down_read_trylock(&mm->mmap_sem)}, read
 * VM_LOCKED again and only then called {@code mlock_vma_page()}. {@code exit_mmap()} and
 * truncation do not hold mmap_sem, so the trylock kept neither out. Commit b87537d9 ("mm: rmap use
 * pte lock not mmap_sem to set PageMlocked", 4.3) calls {@code mlock_vma_page()} before dropping
 * the pte lock instead; munlock takes that lock after clearing VM_LOCKED and zap holds it while
 * it clears the pte, so each of them now runs wholly before or wholly after the mlock.
 */
public final class RmapCommon {
    private RmapCommon() {
    }

    /**
     * {@code try_to_unmap_one(page, vma, address, flags)} for a linear vma.
     *
     * <p>Simplified in the unmap half, which no race here reaches with a page it cares about: no
     * young-bit check, no swap or migration entry, no dirty transfer, no TLB flush; the pte is
     * cleared, the rmap dropped and the pte's reference released.
     *
     * @param variant {@link Variant#FIXED} applies b87537d9; the 3.13 model passes BROKEN
     */
    public static SwapResult tryToUnmapOne(Page page, Vma vma, TtuAction action, Variant variant) {
        // b87537d9 also stopped munlock from descending into vmas that cannot mlock the page.
        if (variant.isFixed() && action == TtuAction.TTU_MUNLOCK && (vma.vmFlags() & VM_LOCKED) == 0) {
            return SwapResult.SWAP_AGAIN;
        }
        int address = ReverseMap.vmaAddress(page);
        if (!pageCheckAddress(page, vma.pageTable(), address)) {
            return SwapResult.SWAP_AGAIN;
        }
        return tryToUnmapOneLocked(page, vma, action, variant);
    }

    /**
     * The body of {@code try_to_unmap_one()} after {@code page_check_address()} found the page
     * mapped: entered with the pte lock held, returns with it dropped. Split out so that a stress
     * test can start a walker at this point, which is where the races of seed 001 begin.
     */
    public static SwapResult tryToUnmapOneLocked(Page page, Vma vma, TtuAction action, Variant variant) {
        PteTable pt = vma.pageTable();
        SwapResult ret = SwapResult.SWAP_AGAIN;

        // A page in a VM_LOCKED vma is not reclaimed but mlocked.
        if ((vma.vmFlags() & VM_LOCKED) != 0) {
            if (!variant.isFixed()) {
                return outMlock(page, vma, pt);
            }
            // b87537d9: mlock while the pte lock still orders us against munlock and zap.
            MlockCommon.mlockVmaPage(page);
            pt.ptl().unlock();
            return SwapResult.SWAP_MLOCK;
        }
        if (action == TtuAction.TTU_MUNLOCK) {
            pt.ptl().unlock();
            return ret;
        }

        // Unmap: clear the pte, drop the rmap and the pte's reference.
        pt.ptepGetAndClear(ReverseMap.vmaAddress(page));
        pageRemoveRmap(page);
        page.putPage(); // page_cache_release(page)

        pt.ptl().unlock();
        return ret;
    }

    /**
     * The {@code out_mlock:} tail of the broken {@code try_to_unmap_one()}: the pte lock is dropped
     * before VM_LOCKED is trusted, and mmap_sem stands in for it. Removed by b87537d9.
     */
    private static SwapResult outMlock(Page page, Vma vma, PteTable pt) {
        pt.ptl().unlock();

        // The 4.2 reasoning: mmap_sem keeps VM_LOCKED from changing under us, and only a trylock
        // will do because the walk holds an rmap lock and must not sleep. exit_mmap() and
        // truncation take no mmap_sem at all, so against them the trylock always succeeds.
        SwapResult ret = SwapResult.SWAP_AGAIN;
        MmStruct mm = vma.mm();
        if (mm.mmapSem().downReadTrylock()) {
            if ((vma.vmFlags() & VM_LOCKED) != 0) {
                MlockCommon.mlockVmaPage(page);
                ret = SwapResult.SWAP_MLOCK;
            }
            mm.mmapSem().upRead();
        }
        return ret;
    }

    /**
     * {@code page_check_address(page, mm, address, &ptl, 0)}: take the pte lock and keep it if the
     * pte there maps {@code page}; otherwise drop it and report false.
     */
    public static boolean pageCheckAddress(Page page, PteTable pt, int address) {
        pt.ptl().lock();
        if (pt.pte(address) == page) {
            return true;
        }
        pt.ptl().unlock();
        return false;
    }

    /**
     * {@code page_remove_rmap(page)}, its mlock half: when the last pte mapping goes, an mlocked
     * page stops being mlocked. Caller holds the pte lock. (The NR_ANON_PAGES / NR_FILE_MAPPED
     * accounting and memcg of the kernel function are left out.)
     */
    public static void pageRemoveRmap(Page page) {
        // Other ptes still map it: nothing more to do.
        if (!page.decMapcount()) {
            return;
        }
        if (page.test(PG_mlocked)) {
            MlockCommon.clearPageMlock(page);
        }
    }
}
