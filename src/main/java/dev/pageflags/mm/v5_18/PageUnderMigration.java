package dev.pageflags.mm.v5_18;

import dev.pageflags.mm.Lruvec;
import dev.pageflags.mm.MemMap;
import dev.pageflags.mm.MmStruct;
import dev.pageflags.mm.Page;
import dev.pageflags.mm.PteTable;
import dev.pageflags.mm.Vma;

import static dev.pageflags.mm.PageFlag.PG_lru;
import static dev.pageflags.mm.PageFlag.PG_swapbacked;

/**
 * The moment race 002 starts from: an anonymous page mapped by one pte of a vma has been copied by
 * page migration. The pte holds a migration entry for the old page, and the new page is already on
 * the inactive anon LRU, not yet mapped, not mlocked, as 5.18's {@code __unmap_and_move()} leaves
 * it just before {@code remove_migration_ptes()}.
 *
 * <p>Each instance owns its own mem_map, so every stress sample and unit test starts afresh.
 */
public final class PageUnderMigration {
    /** The pte index (the "address") of the page in {@link #vma()}. */
    public static final int ADDR = 0;

    private final MemMap map = new MemMap(2);
    private final Page oldPage;
    private final Page newPage;
    private final Vma vma;

    public PageUnderMigration(long vmFlags) {
        oldPage = map.allocPage(); // its reference is migration's; the entry below points to it
        newPage = map.allocPage(); // its reference is migration's, handed over to the LRU
        newPage.__set(PG_swapbacked); // still private to migration: the non-atomic op is safe

        Lruvec lruvec = map.lruvec();
        lruvec.lruLock().lock();
        try {
            lruvec.addPageToLruList(newPage, Lruvec.pageLru(newPage));
            newPage.set(PG_lru);
        } finally {
            lruvec.lruLock().unlock();
        }

        PteTable ptes = new PteTable(map, 1);
        ptes.setMigrationEntry(ADDR, oldPage);
        vma = new Vma(new MmStruct(), ptes, vmFlags);
    }

    public MemMap map() {
        return map;
    }

    public Vma vma() {
        return vma;
    }

    /** The page migrated from: the migration entry's target. */
    public Page oldPage() {
        return oldPage;
    }

    /** The page migrated to: the one that gets mapped and mlocked. */
    public Page newPage() {
        return newPage;
    }
}
