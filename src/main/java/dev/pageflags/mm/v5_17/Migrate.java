package dev.pageflags.mm.v5_17;

import dev.pageflags.mm.Filemap;
import dev.pageflags.mm.Page;
import dev.pageflags.mm.PageFlagsBug;
import dev.pageflags.mm.Variant;

import java.util.Iterator;
import java.util.List;

/**
 * The non-LRU movable page paths of {@code mm/migrate.c} in 5.17: how compaction isolates a
 * driver's movable page (zsmalloc, balloon, z3fold) and puts it back when migration did not move it.
 *
 * <p>Both paths write PG_isolated while holding the page lock, with the non-atomic helpers in the
 * broken variant (see {@link IsolatedPageFlag}). Everything else is the same in both variants.
 *
 * <p>Simplified, keeping the order of steps and the locks held:
 * <ul>
 *   <li>{@code page->mapping} is not modelled: every page given to one {@code Migrate} belongs to the
 *       driver whose {@link MovableOperations} it was built with, and stays movable
 *       ({@code __PageMovable} and {@code PageMovable} are true);</li>
 *   <li>{@code cc->migratepages}, the list threaded through {@code page->lru}, is a {@link List}.</li>
 * </ul>
 */
public final class Migrate {
    private final Variant variant;
    private final MovableOperations aOps;

    /** @param aOps the driver's callbacks, {@code page->mapping->a_ops} of every page passed in */
    public Migrate(Variant variant, MovableOperations aOps) {
        this.variant = variant;
        this.aOps = aOps;
    }

    /**
     * {@code isolate_movable_page(page, mode)}, called by compaction's
     * {@code isolate_migratepages_block()} for a page that is not on an LRU list.
     *
     * <p>Takes a reference that the isolated page keeps until it is put back or migrated, and sets
     * PG_isolated under the page lock so that no second compactor isolates it again.
     *
     * @return true for the kernel's 0 (isolated), false for -EBUSY
     */
    public boolean isolateMovablePage(Page page) {
        if (!page.getPageUnlessZero()) {
            return false;
        }
        // __PageMovable(page) would be checked here, before the page lock (see the class comment).

        // trylock, not lock: compaction must not sleep on a page someone else is working on.
        if (!Filemap.trylockPage(page)) {
            page.putPage();
            return false;
        }
        // PageMovable(page) is true in the model; the driver may still refuse.
        if (IsolatedPageFlag.pageIsolated(page) || !aOps.isolatePage(page)) {
            // out_no_isolated
            Filemap.unlockPage(page);
            page.putPage();
            return false;
        }
        IsolatedPageFlag.setPageIsolated(page, variant);
        Filemap.unlockPage(page);
        return true;
    }

    /**
     * {@code putback_movable_page(page)}, called with the page locked: the driver takes the page
     * back, then PG_isolated is cleared. Static to migrate.c in the kernel; public here so that a
     * stress test can start a sample inside the locked section of {@link #putbackMovablePages}.
     */
    public void putbackMovablePage(Page page) {
        aOps.putbackPage(page);
        IsolatedPageFlag.clearPageIsolated(page, variant);
    }

    /**
     * {@code putback_movable_pages(l)}: return isolated pages that migration did not move. For each
     * movable page: lock it (sleeping if need be), put it back and clear PG_isolated, unlock it,
     * and drop the reference isolation took.
     *
     * <p>Only the non-LRU movable branch is modelled; the kernel sends LRU pages to
     * {@code putback_lru_page()} and hugetlb pages to {@code putback_active_hugepage()}. The branch
     * for a page its driver released meanwhile ({@code !PageMovable}: just {@code __ClearPageIsolated})
     * is not reachable in the model, whose pages stay movable.
     */
    public void putbackMovablePages(List<Page> l) {
        for (Iterator<Page> it = l.iterator(); it.hasNext(); ) {
            Page page = it.next();
            it.remove(); // list_del(&page->lru)
            if (!IsolatedPageFlag.pageIsolated(page)) {
                throw new PageFlagsBug("VM_BUG_ON_PAGE(!PageIsolated(page)) in putback_movable_pages: " + page);
            }
            Filemap.lockPage(page);
            putbackMovablePage(page);
            Filemap.unlockPage(page);
            page.putPage();
        }
    }
}
