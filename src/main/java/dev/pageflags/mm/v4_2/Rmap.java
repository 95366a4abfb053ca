package dev.pageflags.mm.v4_2;

import dev.pageflags.mm.Page;
import dev.pageflags.mm.PageFlagsBug;
import dev.pageflags.mm.Variant;
import dev.pageflags.mm.Vma;
import dev.pageflags.mm.vmscan.ReverseMap;
import dev.pageflags.mm.vmscan.RmapCommon;
import dev.pageflags.mm.vmscan.SwapResult;
import dev.pageflags.mm.vmscan.TryToMunlock;
import dev.pageflags.mm.vmscan.TtuAction;

import static dev.pageflags.mm.PageFlag.PG_locked;
import static dev.pageflags.mm.PageFlag.PG_lru;

/**
 * 4.2's {@code try_to_unmap()} and {@code try_to_munlock()}: {@code rmap_walk()} over the page's
 * vmas with {@code try_to_unmap_one()} ({@link RmapCommon#tryToUnmapOne}, where race 001's fix
 * sits).
 *
 * <p>Simplified: the walk's own lock (the anon_vma rwsem or {@code i_mmap_rwsem}, taken for read)
 * is not modelled: it excludes neither {@code exit_mmap()} nor the zap of an anonymous COW page,
 * which is why those two races exist.
 */
public final class Rmap implements TryToMunlock {
    private final Variant variant;
    private final ReverseMap anonVma;

    /**
     * @param variant {@link Variant#FIXED} applies b87537d9 in {@code try_to_unmap_one()}
     * @param anonVma the vmas the walk visits
     */
    public Rmap(Variant variant, ReverseMap anonVma) {
        this.variant = variant;
        this.anonVma = anonVma;
    }

    /** {@code try_to_unmap(page, TTU_UNMAP)}, as reclaim calls it with the page locked and isolated. */
    public SwapResult tryToUnmap(Page page) {
        if (!page.test(PG_locked)) {
            throw new PageFlagsBug("try_to_unmap of unlocked " + page);
        }
        SwapResult ret = rmapWalk(page, TtuAction.TTU_UNMAP);
        if (ret != SwapResult.SWAP_MLOCK && page.mapcount() == 0) {
            ret = SwapResult.SWAP_SUCCESS;
        }
        return ret;
    }

    /** {@code try_to_munlock(page)}: is the page still in a VM_LOCKED vma? If so, mlock it again. */
    @Override
    public SwapResult tryToMunlock(Page page) {
        if (!page.test(PG_locked) || page.test(PG_lru)) {
            throw new PageFlagsBug("try_to_munlock needs a locked, isolated page: " + page);
        }
        return rmapWalk(page, TtuAction.TTU_MUNLOCK);
    }

    /** {@code rmap_walk_anon()}: {@code try_to_unmap_one()} on each vma until one says stop or the page is unmapped. */
    private SwapResult rmapWalk(Page page, TtuAction action) {
        SwapResult ret = SwapResult.SWAP_AGAIN;
        for (Vma vma : anonVma.iMmap()) {
            ret = RmapCommon.tryToUnmapOne(page, vma, action, variant);
            if (ret != SwapResult.SWAP_AGAIN || page.mapcount() == 0) {
                break;
            }
        }
        return ret;
    }
}
