package dev.pageflags.mm.v5_18;

import dev.pageflags.mm.LruList;
import dev.pageflags.mm.Variant;
import org.junit.jupiter.api.Test;

import static dev.pageflags.mm.PageFlag.PG_mlocked;
import static dev.pageflags.mm.VmFlags.VM_IO;
import static dev.pageflags.mm.VmFlags.VM_LOCKED;
import static dev.pageflags.mm.VmFlags.VM_READ;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Race 002's interleavings replayed on one thread. {@code mlock_vma_pages_range()} is taken apart
 * at the point where the racer gets in: its store of the new flags (as each variant makes it), then
 * {@code remove_migration_pte()}, then the walk ({@code mlock_pte_range()}), then the store that
 * drops VM_IO again.
 */
class DoubleCountReplayTest {

    @Test
    void brokenCountsThePageTwiceAndMunlockLeavesItMlocked() {
        MlockWalkTest.Fixture f = new MlockWalkTest.Fixture(Variant.BROKEN, VM_READ);

        f.vma.setVmFlags(VM_READ | VM_LOCKED); // mlock_vma_pages_range(): WRITE_ONCE(vm_flags)
        f.migrateIn(); // the racer finds VM_LOCKED: count 1, and the pte becomes present
        MlockWalk.mlockPteRange(f.vma, 0, 1); // the walk finds a present pte: count 2

        assertEquals(2, f.page.mlockCount);

        f.walk.doMunlock(f.vma);
        assertEquals(1, f.page.mlockCount);
        assertTrue(f.page.test(PG_mlocked), "no VM_LOCKED vma maps the page, yet it stays mlocked");
        assertEquals(LruList.LRU_UNEVICTABLE, f.page.lru());
    }

    @Test
    void fixedRacerDeclinesWhileTheWalkIsPending() {
        MlockWalkTest.Fixture f = new MlockWalkTest.Fixture(Variant.FIXED, VM_READ);

        f.vma.setVmFlags(VM_READ | VM_LOCKED | VM_IO);
        f.migrateIn(); // VM_IO: declined
        assertEquals(0, f.page.mlockCount);
        MlockWalk.mlockPteRange(f.vma, 0, 1);
        f.vma.setVmFlags(VM_READ | VM_LOCKED);

        assertEquals(1, f.page.mlockCount);
        f.walk.doMunlock(f.vma);
        assertFalse(f.page.test(PG_mlocked));
        assertEquals(LruList.LRU_INACTIVE_ANON, f.page.lru());
    }

    @Test
    void fixedRacerAfterTheWalkButBeforeVmIoIsClearedLeavesOneShort() {
        MlockWalkTest.Fixture f = new MlockWalkTest.Fixture(Variant.FIXED, VM_READ);

        f.vma.setVmFlags(VM_READ | VM_LOCKED | VM_IO);
        MlockWalk.mlockPteRange(f.vma, 0, 1); // still a migration entry: nothing to count
        f.migrateIn(); // VM_IO still set: declined
        f.vma.setVmFlags(VM_READ | VM_LOCKED);

        assertEquals(0, f.page.mlockCount, "one short: reclaim mlocks it when it meets the page");
        assertFalse(f.page.test(PG_mlocked));
        f.walk.doMunlock(f.vma);
        assertFalse(f.page.test(PG_mlocked));
        assertEquals(LruList.LRU_INACTIVE_ANON, f.page.lru());
    }
}
