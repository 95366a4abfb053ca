package dev.pageflags.mm;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One page-table page: its ptes and the split pte lock ({@code ptl}) that guards them.
 *
 * <p>A pte is a word, as in hardware: empty ({@code pte_none}), present (maps a page), or a
 * migration entry (the page is being migrated; not present). Changes happen with {@link #ptl()}
 * held; a few kernel paths peek without it, which is what the single-word accessors allow.
 */
public final class PteTable {
    private static final long PTE_PRESENT = 1L;
    private static final long PTE_MIGRATION = 2L;
    private static final int PFN_SHIFT = 2;

    private final MemMap map;
    private final SpinLock ptl = new SpinLock();
    private final AtomicLongArray ptes;

    public PteTable(MemMap map, int nrPtes) {
        this.map = map;
        this.ptes = new AtomicLongArray(nrPtes);
    }

    /** {@code pte_lockptr}: the lock {@code pte_offset_map_lock} takes. */
    public SpinLock ptl() {
        return ptl;
    }

    public int size() {
        return ptes.length();
    }

    /** The page pte {@code i} maps, or null when it is none or not present. */
    public Page pte(int i) {
        long v = ptes.getOpaque(i);
        return (v & PTE_PRESENT) != 0 ? pageOf(v) : null;
    }

    /** {@code pte_none}. */
    public boolean pteNone(int i) {
        return ptes.getOpaque(i) == 0;
    }

    /** {@code set_pte_at(..., mk_pte(page))}: map {@code page}, which becomes visible to others. */
    public void setPte(int i, Page page) {
        page.publish();
        ptes.setOpaque(i, encode(page, PTE_PRESENT));
    }

    /** Replace pte {@code i} by a migration entry for {@code page} ({@code set_pte_at} of a swp entry). */
    public void setMigrationEntry(int i, Page page) {
        ptes.setOpaque(i, encode(page, PTE_MIGRATION));
    }

    /** {@code is_migration_entry(pte_to_swp_entry(pte))}. */
    public boolean isMigrationEntry(int i) {
        return (ptes.getOpaque(i) & PTE_MIGRATION) != 0;
    }

    /** The page a migration entry points to ({@code migration_entry_to_page}), or null. */
    public Page migrationEntryPage(int i) {
        long v = ptes.getOpaque(i);
        return (v & PTE_MIGRATION) != 0 ? pageOf(v) : null;
    }

    /** {@code ptep_get_and_clear}: empty the pte and return the page it mapped (or null). */
    public Page ptepGetAndClear(int i) {
        long v = ptes.getAndSet(i, 0L);
        return (v & PTE_PRESENT) != 0 ? pageOf(v) : null;
    }

    private static long encode(Page page, long type) {
        return ((long) page.pfn() + 1) << PFN_SHIFT | type;
    }

    private Page pageOf(long v) {
        return map.page((int) ((v >>> PFN_SHIFT) - 1));
    }
}
