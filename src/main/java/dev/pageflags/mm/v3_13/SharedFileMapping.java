package dev.pageflags.mm.v3_13;

import dev.pageflags.mm.Filemap;
import dev.pageflags.mm.MemMap;
import dev.pageflags.mm.MmStruct;
import dev.pageflags.mm.Page;
import dev.pageflags.mm.PteTable;
import dev.pageflags.mm.Variant;
import dev.pageflags.mm.Vma;
import dev.pageflags.mm.vmscan.ReverseMap;
import dev.pageflags.mm.vmscan.Swap;

import static dev.pageflags.mm.VmFlags.VM_LOCKED;
import static dev.pageflags.mm.VmFlags.VM_NONLINEAR;
import static dev.pageflags.mm.VmFlags.VM_READ;
import static dev.pageflags.mm.VmFlags.VM_SHARED;

/**
 * The world of race 000: one file page mapped by three processes, the moment before the race.
 *
 * <ul>
 *   <li>{@link #page}: the file page both paths work on; in the page cache, on the inactive file
 *       list, not yet mlocked (mlock's populate only trylocks pages, so a page of a locked vma can
 *       stay lazily unmlocked until reclaim finds it).</li>
 *   <li>{@link #lockedLinear}: a linear VM_LOCKED vma of process 0. It is the one
 *       {@code try_to_munlock()} can find.</li>
 *   <li>{@link #lockedNonlinear}: a nonlinear VM_LOCKED vma of process 1 that maps the page. Only a
 *       cluster scan finds pages here.</li>
 *   <li>{@link #munlocked}: a linear vma of process 2 whose munlock() has just cleared VM_LOCKED
 *       and now walks its pages.</li>
 *   <li>{@link #checkPage}: the page reclaim is trying to unmap: isolated and locked by reclaim,
 *       which is why it scans the nonlinear vma at all. It is mapped by V1 somewhere outside
 *       the cluster being scanned, so the model leaves that mapping out.</li>
 * </ul>
 *
 * <p>Small enough to build per stress sample: two pages, three page tables.
 */
public final class SharedFileMapping {
    private static final long FILE_VMA = VM_READ | VM_SHARED;

    public final MemMap map = new MemMap(2);
    public final Page page;
    public final Page checkPage;
    public final Vma lockedLinear;
    public final Vma lockedNonlinear;
    public final Vma munlocked;
    public final ReverseMap mapping = new ReverseMap();
    public final Rmap rmap;
    public final Mlock mlock;

    public SharedFileMapping(Variant variant) {
        page = map.allocPage();      // the page cache's reference
        checkPage = map.allocPage();
        lockedLinear = new Vma(new MmStruct(), new PteTable(map, 2), FILE_VMA | VM_LOCKED);
        lockedNonlinear = new Vma(new MmStruct(), new PteTable(map, 1), FILE_VMA | VM_LOCKED | VM_NONLINEAR);
        munlocked = new Vma(new MmStruct(), new PteTable(map, 2), FILE_VMA);

        mapping.mapLinear(lockedLinear, page)
                .mapNonlinear(lockedNonlinear, 0, page)
                .mapLinear(munlocked, page);
        Swap.lruCacheAdd(page);

        // Reclaim took checkPage off the LRU (holding the reference isolation took) and locked it.
        Filemap.trylockPage(checkPage);

        rmap = new Rmap(variant, mapping);
        mlock = new Mlock(rmap);
    }

    /**
     * Reclaim of {@link #checkPage} reaching the nonlinear vma: {@code try_to_unmap_file()} holds
     * {@code i_mmap_mutex} around {@code try_to_unmap_cluster()}.
     */
    public void reclaimScansCluster() {
        mapping.iMmapMutex().lock();
        try {
            rmap.tryToUnmapCluster(lockedNonlinear, checkPage);
        } finally {
            mapping.iMmapMutex().unlock();
        }
    }

    /**
     * munlock() of {@link #munlocked} reaching the page, on the path Linus Torvalds discussed:
     * {@code lock_page(); munlock_vma_page(); unlock_page();}, the contract
     * {@code munlock_vma_page()}'s BUG_ON states, and what {@code munlock_vma_pages_range()} does
     * for a THP head and KSM's merge for a VM_LOCKED vma.
     *
     * <p>Not modelled: 3.13's batched munlock of small pages ({@code __munlock_pagevec()}) clears
     * PG_mlocked in its phase 1 under the lru lock but without the page lock, so the page lock
     * the fix takes does not serialise against that path; the kernel leaves a page that loses
     * that race on an evictable list for reclaim to mlock again lazily.
     */
    public void munlockPage() {
        Filemap.lockPage(page);
        mlock.munlockVmaPage(page);
        Filemap.unlockPage(page);
    }
}
