package dev.pageflags.mm;

import org.junit.jupiter.api.Test;

import static dev.pageflags.mm.VmFlags.VM_IO;
import static dev.pageflags.mm.VmFlags.VM_LOCKED;
import static dev.pageflags.mm.VmFlags.VM_READ;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MmObjectsTest {
    private final MemMap map = new MemMap(4);

    @Test
    void vmaFlagsAreOneWord() {
        Vma vma = new Vma(new MmStruct(), VM_READ);
        vma.setVmFlags(vma.vmFlags() | VM_LOCKED | VM_IO);
        assertEquals(VM_READ | VM_LOCKED | VM_IO, vma.vmFlags());
        assertEquals("VM_READ|VM_LOCKED|VM_IO", VmFlags.describe(vma.vmFlags()));
        assertTrue((VmFlags.VM_SPECIAL & VM_IO) != 0, "VM_IO is one of the VM_SPECIAL flags mlock skips");
    }

    @Test
    void ptesMapUnmapAndMigrate() {
        PteTable pt = new PteTable(map, 4);
        Page page = map.allocPage();
        assertTrue(pt.pteNone(2));
        pt.setPte(2, page);
        assertSame(page, pt.pte(2));
        assertTrue(page.isPublished(), "a mapped page is visible to others");
        pt.setMigrationEntry(2, page);
        assertNull(pt.pte(2), "a migration entry is not present");
        assertTrue(pt.isMigrationEntry(2));
        assertSame(page, pt.migrationEntryPage(2));
        pt.setPte(2, page);
        assertSame(page, pt.ptepGetAndClear(2));
        assertTrue(pt.pteNone(2));
        assertNull(pt.ptepGetAndClear(2));
        assertFalse(pt.ptl().isLocked());
    }

    @Test
    void vmstatCounts() {
        VmStat stat = map.vmstat();
        stat.mod(VmStat.Item.NR_MLOCK, 1);
        stat.mod(VmStat.Item.NR_MLOCK, 1);
        stat.mod(VmStat.Item.NR_MLOCK, -1);
        assertEquals(1, stat.read(VmStat.Item.NR_MLOCK));
        stat.count(VmStat.Event.UNEVICTABLE_PGSTRANDED, 1);
        assertEquals(1, stat.read(VmStat.Event.UNEVICTABLE_PGSTRANDED));
    }

    @Test
    void builderRejectsNonsense() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> MemMap.builder().pages(0).build());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> MemMap.builder().pages(1).wordsPerPage(0).build());
    }
}
