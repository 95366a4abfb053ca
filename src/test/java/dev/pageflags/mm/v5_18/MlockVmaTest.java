package dev.pageflags.mm.v5_18;

import dev.pageflags.mm.Page;
import dev.pageflags.mm.Variant;
import dev.pageflags.mm.Vma;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.pageflags.mm.PageFlag.PG_mlocked;
import static dev.pageflags.mm.VmFlags.VM_IO;
import static dev.pageflags.mm.VmFlags.VM_LOCKED;
import static dev.pageflags.mm.VmFlags.VM_PFNMAP;
import static dev.pageflags.mm.VmFlags.VM_READ;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** mlock_vma_page(): which vmas make an rmap user mlock the page it maps. */
class MlockVmaTest {

    @ParameterizedTest
    @EnumSource(Variant.class)
    void mlocksAPageMappedIntoAVmLockedVma(Variant variant) {
        Page page = mlockVmaPage(variant, VM_READ | VM_LOCKED);
        assertTrue(page.test(PG_mlocked));
        assertEquals(1, page.mlockCount);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void leavesAPageOfAnUnlockedVmaAlone(Variant variant) {
        Page page = mlockVmaPage(variant, VM_READ);
        assertFalse(page.test(PG_mlocked));
        assertEquals(0, page.mlockCount);
    }

    @Test
    void fixedDeclinesAVmaThatMlockFixupIsStillWalking() {
        Page page = mlockVmaPage(Variant.FIXED, VM_READ | VM_LOCKED | VM_IO);
        assertFalse(page.test(PG_mlocked), "VM_LOCKED|VM_IO: the walk will count this page");
        assertEquals(0, page.mlockCount);
    }

    @Test
    void fixedDeclinesAnyVmSpecialVma() {
        Page page = mlockVmaPage(Variant.FIXED, VM_READ | VM_LOCKED | VM_PFNMAP);
        assertFalse(page.test(PG_mlocked));
    }

    @Test
    void brokenCountsThePageDespiteVmIo() {
        Page page = mlockVmaPage(Variant.BROKEN, VM_READ | VM_LOCKED | VM_IO);
        assertTrue(page.test(PG_mlocked), "before the fix only VM_LOCKED was tested");
        assertEquals(1, page.mlockCount);
    }

    private static Page mlockVmaPage(Variant variant, long vmFlags) {
        PageUnderMigration world = new PageUnderMigration(vmFlags);
        Vma vma = world.vma();
        new MlockVma(variant).mlockVmaPage(world.newPage(), vma);
        return world.newPage();
    }
}
