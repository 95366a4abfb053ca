package dev.pageflags.mm.v4_2;

import dev.pageflags.mm.Filemap;
import dev.pageflags.mm.LruList;
import dev.pageflags.mm.MemMap;
import dev.pageflags.mm.MmStruct;
import dev.pageflags.mm.Page;
import dev.pageflags.mm.PteTable;
import dev.pageflags.mm.Variant;
import dev.pageflags.mm.Vma;
import dev.pageflags.mm.VmStat;
import dev.pageflags.mm.vmscan.MlockCommon;
import dev.pageflags.mm.vmscan.ReverseMap;
import dev.pageflags.mm.vmscan.Swap;
import dev.pageflags.mm.vmscan.SwapResult;
import dev.pageflags.mm.vmscan.Vmscan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.pageflags.mm.PageFlag.PG_mlocked;
import static dev.pageflags.mm.PageFlag.PG_swapbacked;
import static dev.pageflags.mm.VmFlags.VM_LOCKED;
import static dev.pageflags.mm.VmFlags.VM_READ;
import static dev.pageflags.mm.VmFlags.VM_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 4.2 paths of race 001, one at a time. */
class UnmapMunlockZapTest {

    private static long nrMlock(MemMap map) {
        return map.vmstat().read(VmStat.Item.NR_MLOCK);
    }

    /** An anonymous page mapped once by a VM_LOCKED vma, on the inactive anon list. */
    private static final class LockedAnonPage {
        final MemMap map = new MemMap(1);
        final Vma vma = new Vma(new MmStruct(), new PteTable(map, 1), VM_READ | VM_WRITE | VM_LOCKED);
        final Page page = map.allocPage();
        final Mlock mlock;

        LockedAnonPage() {
            page.set(PG_swapbacked);
            ReverseMap anonVma = new ReverseMap().mapLinear(vma, page);
            page.putPage(); // the allocation's reference became the pte's
            Swap.lruCacheAdd(page);
            mlock = new Mlock(new Rmap(Variant.FIXED, anonVma));
        }

        void mlock() {
            Filemap.lockPage(page);
            MlockCommon.mlockVmaPage(page);
            Filemap.unlockPage(page);
        }
    }

    @Test
    void mlockThenMunlockAllLeavesThePageEvictableAndUncounted() {
        LockedAnonPage t = new LockedAnonPage();
        t.mlock();
        assertEquals(LruList.LRU_UNEVICTABLE, t.page.lru());
        assertEquals(1, nrMlock(t.map));

        t.mlock.munlockVmaPagesAll(t.vma);

        assertEquals(0, t.vma.vmFlags() & VM_LOCKED);
        assertFalse(t.page.test(PG_mlocked));
        assertEquals(LruList.LRU_INACTIVE_ANON, t.page.lru(), "phase 2's fast path, phase 3's putback");
        assertEquals(0, nrMlock(t.map));
        assertEquals(1, t.page.refcount(), "follow_page_mask()'s pin dropped");
    }

    @Test
    void munlockVmaPageOfALockedPage() {
        LockedAnonPage t = new LockedAnonPage();
        t.mlock();
        t.vma.setVmFlags(t.vma.vmFlags() & ~VM_LOCKED);

        Filemap.lockPage(t.page);
        assertEquals(0, t.mlock.munlockVmaPage(t.page));
        Filemap.unlockPage(t.page);

        assertFalse(t.page.test(PG_mlocked));
        assertEquals(LruList.LRU_INACTIVE_ANON, t.page.lru());
        assertEquals(0, nrMlock(t.map));
    }

    @Test
    void phaseOneLeavesAPageSomeoneElseIsolatedAndDoesNotUncountIt() {
        LockedAnonPage t = new LockedAnonPage();
        t.mlock();
        assertEquals(0, Vmscan.isolateLruPage(t.page), "reclaim, say, holds it");

        t.mlock.munlockVmaPagesAll(t.vma);

        assertFalse(t.page.test(PG_mlocked), "phase 1 cleared it");
        assertNull(t.page.lru(), "not isolated by munlock, so not put back by it");
        assertEquals(1, nrMlock(t.map), "4.2 subtracts only isolated pages (70feee0e1ef3 fixed it later)");
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void reclaimMlocksAPageOfAVmLockedVma(Variant variant) {
        LockedVmaUnderReclaim w = new LockedVmaUnderReclaim(variant);
        SwapResult ret = w.reclaimTriesToUnmap();
        w.reclaimFinishes(ret);

        assertEquals(SwapResult.SWAP_MLOCK, ret);
        assertTrue(w.page.test(PG_mlocked));
        assertEquals(LruList.LRU_UNEVICTABLE, w.page.lru());
        assertEquals(1, nrMlock(w.map));
        assertFalse(w.vma.pageTable().ptl().isLocked());
    }

    @Test
    void brokenReclaimTrustsVmLockedOnlyUnderMmapSem() {
        LockedVmaUnderReclaim w = new LockedVmaUnderReclaim(Variant.BROKEN);
        w.vma.mm().mmapSem().downWrite(); // mlock()/munlock() of the same mm in progress

        SwapResult ret = w.reclaimTriesToUnmap();

        assertEquals(SwapResult.SWAP_AGAIN, ret, "trylock failed: left for a later pass");
        assertFalse(w.page.test(PG_mlocked));
        w.vma.mm().mmapSem().upWrite();
    }

    @Test
    void fixedReclaimMlocksUnderThePteLockWhateverMmapSemSays() {
        LockedVmaUnderReclaim w = new LockedVmaUnderReclaim(Variant.FIXED);
        w.vma.mm().mmapSem().downWrite();

        assertEquals(SwapResult.SWAP_MLOCK, w.reclaimTriesToUnmap());
        assertTrue(w.page.test(PG_mlocked));
        w.vma.mm().mmapSem().upWrite();
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void reclaimAfterExitClearedVmLockedUnmapsAndFreesThePage(Variant variant) {
        LockedVmaUnderReclaim w = new LockedVmaUnderReclaim(variant);
        w.vma.setVmFlags(w.vma.vmFlags() & ~VM_LOCKED);

        SwapResult ret = w.reclaimTriesToUnmap();
        w.reclaimFinishes(ret);

        assertEquals(SwapResult.SWAP_SUCCESS, ret);
        assertEquals(0, w.page.refcount());
        assertTrue(w.map.badPages().isEmpty(), w.map.badPages().toString());
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void zapThenReclaimFindsNoPteAndTheFreeIsClean(Variant variant) {
        LockedVmaUnderReclaim w = new LockedVmaUnderReclaim(variant);
        w.truncateZaps();
        SwapResult ret = w.reclaimTriesToUnmap();
        w.reclaimReleasesPage();

        assertEquals(SwapResult.SWAP_SUCCESS, ret);
        assertFalse(w.page.test(PG_mlocked));
        assertTrue(w.map.badPages().isEmpty(), w.map.badPages().toString());
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void mlockThenZapClearsMlockedInPageRemoveRmap(Variant variant) {
        LockedVmaUnderReclaim w = new LockedVmaUnderReclaim(variant);
        w.reclaimTriesToUnmap();
        assertTrue(w.page.test(PG_mlocked));

        w.truncateZaps();
        w.reclaimReleasesPage();

        assertEquals(0, nrMlock(w.map), "clear_page_mlock() uncounted it");
        assertTrue(w.map.badPages().isEmpty(), w.map.badPages().toString());
    }

    /** What the broken out_mlock path does when the zap lands in its window: the late mlock. */
    @Test
    void zapThenLateMlockFreesAnMlockedPage() {
        LockedVmaUnderReclaim w = new LockedVmaUnderReclaim(Variant.BROKEN);
        w.truncateZaps();
        MlockCommon.mlockVmaPage(w.page); // reclaim still holds the page lock
        Filemap.unlockPage(w.page);
        w.reclaimReleasesPage();

        assertEquals(1, w.map.badPages().size());
        assertTrue(w.map.badPages().get(0).contains("(mlocked)"), w.map.badPages().get(0));
        assertEquals(1, nrMlock(w.map), "NR_MLOCK still counts the freed page");
    }

    /**
     * Vlastimil Babka's race, stepped by hand: reclaim's late mlock lands after exit's munlock. With
     * the page mapped by the exiting vma alone, exit's unmap removes the last mapping and
     * page_remove_rmap() clears PG_mlocked again: the state heals.
     */
    @Test
    void lateMlockAfterExitMunlockHealsWhenExitUnmapsTheLastMapping() {
        LockedVmaUnderReclaim w = new LockedVmaUnderReclaim(Variant.BROKEN);
        w.exitMunlocks();
        MlockCommon.mlockVmaPage(w.page); // the broken out_mlock, page lock still held
        Filemap.unlockPage(w.page);
        w.reclaimPutsBack();
        w.exitUnmaps();

        assertFalse(w.page.test(PG_mlocked), "clear_page_mlock() on the last mapping");
        assertEquals(0, nrMlock(w.map));
    }

    /** The same steps with a forked child's mapping (no VM_LOCKED): the page stays mlocked for good. */
    @Test
    void lateMlockAfterExitMunlockLastsWhileAChildMapsThePage() {
        LockedVmaUnderReclaim w = new LockedVmaUnderReclaim(Variant.BROKEN, true);
        assertEquals(0, w.childVma.vmFlags() & VM_LOCKED, "dup_mmap() does not inherit VM_LOCKED");
        w.exitMunlocks();
        MlockCommon.mlockVmaPage(w.page);
        Filemap.unlockPage(w.page);
        w.reclaimPutsBack();
        w.exitUnmaps();

        assertTrue(w.page.test(PG_mlocked));
        assertEquals(LruList.LRU_UNEVICTABLE, w.page.lru());
        assertEquals(1, w.page.mapcount(), "the child's pte");
        assertEquals(1, nrMlock(w.map));
    }

    /** Reclaim that finds VM_LOCKED clear walks on to the child's vma and unmaps the page there too. */
    @ParameterizedTest
    @EnumSource(Variant.class)
    void reclaimAfterExitClearedVmLockedUnmapsFromBothMms(Variant variant) {
        LockedVmaUnderReclaim w = new LockedVmaUnderReclaim(variant, true);
        w.vma.setVmFlags(w.vma.vmFlags() & ~VM_LOCKED);

        SwapResult ret = w.reclaimTriesToUnmap();
        w.reclaimFinishes(ret);

        assertEquals(SwapResult.SWAP_SUCCESS, ret);
        assertEquals(0, w.page.refcount());
        assertTrue(w.map.badPages().isEmpty(), w.map.badPages().toString());
    }

    @Test
    void zapOfAnLruPageReleasesItFromTheLru() {
        LockedAnonPage t = new LockedAnonPage();
        t.mlock();
        MmuGather tlb = new MmuGather();

        Memory.zapPteRange(tlb, t.vma, 0, 1);
        assertFalse(t.page.test(PG_mlocked), "last mapping gone: clear_page_mlock()");
        assertEquals(LruList.LRU_INACTIVE_ANON, t.page.lru());
        tlb.tlbFinishMmu();

        assertEquals(0, t.page.refcount());
        assertEquals(0, t.map.lruvec().size(LruList.LRU_INACTIVE_ANON));
        assertTrue(t.map.badPages().isEmpty(), t.map.badPages().toString());
    }
}
