package dev.pageflags.mm.v5_18;

import dev.pageflags.mm.Page;
import dev.pageflags.mm.PteTable;
import dev.pageflags.mm.Vma;

import static dev.pageflags.mm.VmFlags.VM_LOCKED;

/**
 * The end of a successful page migration in 5.18's {@code mm/migrate.c}: the new page has been
 * put on the LRU already (5.18's {@code __unmap_and_move()} does that first precisely so that the
 * mlocks below are counted), and {@code remove_migration_ptes()} now replaces every migration entry
 * that points to the old page by a pte of the new page.
 *
 * <p>It runs from an rmap walk, holding the anon_vma (or i_mmap) lock and each pte lock, but not
 * the mm's mmap_lock: mlock(2) can be changing the vma's flags meanwhile.
 */
public final class Migrate {
    private final Rmap rmap;

    public Migrate(Rmap rmap) {
        this.rmap = rmap;
    }

    /**
     * {@code remove_migration_pte(folio, vma, addr, old)} for one small anonymous page.
     *
     * <p>{@code page_vma_mapped_walk(PVMW_SYNC | PVMW_MIGRATION)} is reduced to its effect: take the
     * pte lock and look at the one pte, which must hold a migration entry for {@code old}. The new
     * pte's soft-dirty, young, dirty, write and uffd bits, device-private pages and hugetlb are not
     * modelled.
     *
     * @param folio the new page, on the LRU
     * @param old   the page the migration entry was made for
     * @return true, as the kernel's, to let the rmap walk go on
     */
    public boolean removeMigrationPte(Page folio, Vma vma, int addr, Page old) {
        PteTable ptes = vma.pageTable();
        ptes.ptl().lock();
        try {
            if (ptes.migrationEntryPage(addr) != old) {
                return true; // page_vma_mapped_walk() found nothing to restore here
            }
            folio.getPage(); // folio_get(): the reference the new pte holds
            rmap.pageAddAnonRmap(folio, vma, addr); // ends in mlock_vma_page()
            ptes.setPte(addr, folio); // set_pte_at(): now pte_present() for mlock_pte_range()
            if ((vma.vmFlags() & VM_LOCKED) != 0) {
                Mlock.mlockPageDrainLocal();
            }
            return true;
        } finally {
            ptes.ptl().unlock(); // page_vma_mapped_walk() ends, dropping the pte lock
        }
    }
}
