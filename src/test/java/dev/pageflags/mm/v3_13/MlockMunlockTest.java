package dev.pageflags.mm.v3_13;

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
import dev.pageflags.mm.vmscan.Vmscan;
import org.junit.jupiter.api.Test;

import static dev.pageflags.mm.PageFlag.PG_locked;
import static dev.pageflags.mm.PageFlag.PG_lru;
import static dev.pageflags.mm.PageFlag.PG_mlocked;
import static dev.pageflags.mm.PageFlag.PG_unevictable;
import static dev.pageflags.mm.VmFlags.VM_LOCKED;
import static dev.pageflags.mm.VmFlags.VM_NONLINEAR;
import static dev.pageflags.mm.VmFlags.VM_READ;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 3.13 mlock/munlock paths of race 000, one at a time. */
class MlockMunlockTest {

    private static long nrMlock(MemMap map) {
        return map.vmstat().read(VmStat.Item.NR_MLOCK);
    }

    @Test
    void mlockThenMunlockOfTheOnlyMappingLeavesThePageEvictable() {
        MemMap map = new MemMap(1);
        Page page = map.allocPage();
        Vma vma = new Vma(new MmStruct(), new PteTable(map, 1), VM_READ);
        ReverseMap mapping = new ReverseMap().mapLinear(vma, page);
        Swap.lruCacheAdd(page);
        Mlock mlock = new Mlock(new Rmap(Variant.FIXED, mapping));
        int refs = page.refcount();

        Filemap.lockPage(page);
        MlockCommon.mlockVmaPage(page);
        assertTrue(page.test(PG_mlocked));
        assertEquals(LruList.LRU_UNEVICTABLE, page.lru());
        assertEquals(1, nrMlock(map));

        mlock.munlockVmaPage(page);
        Filemap.unlockPage(page);
        assertFalse(page.test(PG_mlocked));
        assertFalse(page.test(PG_unevictable));
        assertEquals(LruList.LRU_INACTIVE_FILE, page.lru());
        assertEquals(0, nrMlock(map));
        assertEquals(refs, page.refcount(), "isolation references all dropped");
    }

    @Test
    void munlockLeavesThePageMlockedWhileAnotherLinearVmaIsLocked() {
        SharedFileMapping w = new SharedFileMapping(Variant.FIXED);
        Filemap.lockPage(w.page);
        MlockCommon.mlockVmaPage(w.page);
        Filemap.unlockPage(w.page);

        w.munlockPage();

        assertTrue(w.page.test(PG_mlocked), "try_to_munlock() found the VM_LOCKED linear vma");
        assertEquals(LruList.LRU_UNEVICTABLE, w.page.lru());
        assertEquals(1, nrMlock(w.map));
        assertEquals(2, w.map.vmstat().read(VmStat.Event.UNEVICTABLE_PGMLOCKED));
    }

    @Test
    void tryToMunlockDoesNotLookIntoNonlinearVmas() {
        MemMap map = new MemMap(1);
        Page page = map.allocPage();
        Vma nonlinear = new Vma(new MmStruct(), new PteTable(map, 1), VM_READ | VM_LOCKED | VM_NONLINEAR);
        Vma munlocked = new Vma(new MmStruct(), new PteTable(map, 1), VM_READ);
        ReverseMap mapping = new ReverseMap().mapNonlinear(nonlinear, 0, page).mapLinear(munlocked, page);
        Swap.lruCacheAdd(page);
        Filemap.lockPage(page);
        MlockCommon.mlockVmaPage(page);

        new Mlock(new Rmap(Variant.FIXED, mapping)).munlockVmaPage(page);
        Filemap.unlockPage(page);

        // "later, page reclaim logic may call try_to_unmap(TTU_MUNLOCK) and recover PG_mlocked lazily"
        assertFalse(page.test(PG_mlocked));
        assertEquals(LruList.LRU_INACTIVE_FILE, page.lru());
    }

    @Test
    void brokenClusterScanMlocksAPageItDoesNotHoldLocked() {
        SharedFileMapping w = new SharedFileMapping(Variant.BROKEN);
        AssertionError bug = assertThrows(AssertionError.class, w::reclaimScansCluster,
                "the BUG_ON Sasha Levin's trinity run hit");
        assertTrue(bug.getMessage().contains("mlock_vma_page() of unlocked"), bug.getMessage());
    }

    @Test
    void fixedClusterScanMlocksAPageItCanTrylock() {
        SharedFileMapping w = new SharedFileMapping(Variant.FIXED);
        w.reclaimScansCluster();

        assertTrue(w.page.test(PG_mlocked));
        assertFalse(w.page.test(PG_locked), "the scan unlocked the page again");
        assertEquals(LruList.LRU_UNEVICTABLE, w.page.lru());
        assertEquals(1, nrMlock(w.map));
        assertFalse(w.mapping.iMmapMutex().isLocked());
        assertFalse(w.lockedNonlinear.mm().mmapSem().isLocked());
    }

    @Test
    void fixedClusterScanSkipsAPageItCannotTrylock() {
        SharedFileMapping w = new SharedFileMapping(Variant.FIXED);
        Filemap.lockPage(w.page); // munlock (or anyone) holds it

        w.reclaimScansCluster();

        assertFalse(w.page.test(PG_mlocked), "left alone: it will be encountered again later");
        assertEquals(0, w.map.vmstat().read(VmStat.Event.UNEVICTABLE_PGMLOCKED));
        assertEquals(LruList.LRU_INACTIVE_FILE, w.page.lru());
        assertTrue(w.page.test(PG_locked), "still the other holder's lock");
        Filemap.unlockPage(w.page);
    }

    @Test
    void clusterScanOfAnUnlockedNonlinearVmaUnmapsInsteadOfMlocking() {
        SharedFileMapping w = new SharedFileMapping(Variant.FIXED);
        w.lockedNonlinear.setVmFlags(w.lockedNonlinear.vmFlags() & ~VM_LOCKED);
        int mapcount = w.page.mapcount();

        w.reclaimScansCluster();

        assertFalse(w.page.test(PG_mlocked));
        assertEquals(mapcount - 1, w.page.mapcount());
        assertEquals(null, w.lockedNonlinear.pageTable().pte(0));
    }

    /**
     * Linus Torvalds' interleaving, step by step with the same primitives the two functions use:
     * the mlocker wins the isolation, so the munlocker's try_to_munlock() never runs.
     */
    @Test
    void theInterleavingOfSeed000StrandsTheMlockedPageOnAnEvictableList() {
        SharedFileMapping w = new SharedFileMapping(Variant.BROKEN);
        Page p = w.page;
        Filemap.lockPage(p); // munlock's page lock; the cluster scan takes none

        assertFalse(p.testSet(PG_mlocked), "mlock_vma_page: TestSetPageMlocked");
        w.map.vmstat().mod(VmStat.Item.NR_MLOCK, 1);
        assertTrue(p.testClear(PG_mlocked), "munlock_vma_page: TestClearPageMlocked");
        w.map.vmstat().mod(VmStat.Item.NR_MLOCK, -1);
        assertEquals(0, Vmscan.isolateLruPage(p), "mlock_vma_page wins the isolation");
        assertEquals(Vmscan.EBUSY, Vmscan.isolateLruPage(p), "munlock_vma_page loses it: no try_to_munlock()");
        Vmscan.putbackLruPage(p);
        Filemap.unlockPage(p);

        assertFalse(p.test(PG_mlocked));
        assertTrue(p.test(PG_lru));
        assertEquals(LruList.LRU_INACTIVE_FILE, p.lru(), "evictable, though two VM_LOCKED vmas map it");
        assertEquals(0, nrMlock(w.map));
    }

    @Test
    void putbackFilesAPageByItsMlockedFlag() {
        MemMap map = new MemMap(1);
        Page page = map.allocPage();
        Swap.lruCacheAdd(page);

        assertEquals(0, Vmscan.isolateLruPage(page));
        assertEquals(Vmscan.EBUSY, Vmscan.isolateLruPage(page));
        page.set(PG_mlocked);
        Vmscan.putbackLruPage(page);
        assertEquals(LruList.LRU_UNEVICTABLE, page.lru());

        assertEquals(0, Vmscan.isolateLruPage(page));
        page.clear(PG_mlocked);
        Vmscan.putbackLruPage(page);
        assertEquals(LruList.LRU_INACTIVE_FILE, page.lru());
        assertFalse(page.test(PG_unevictable));
        assertEquals(1, page.refcount());
    }
}
