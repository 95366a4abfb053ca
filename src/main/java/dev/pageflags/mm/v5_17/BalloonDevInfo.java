package dev.pageflags.mm.v5_17;

import dev.pageflags.mm.Page;
import dev.pageflags.mm.SpinLock;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * {@code struct balloon_dev_info} and its movable-page callbacks from {@code mm/balloon_compaction.c}:
 * the simplest driver whose pages compaction isolates and puts back with the non-LRU movable path
 * of {@link Migrate} (virtio-balloon registers these as its {@code isolate_page} and
 * {@code putback_page}).
 *
 * <p>Both callbacks run inside the page-locked sections of {@link Migrate}, just before PG_isolated
 * is set or cleared; they are modelled because they are part of those sections on a real machine.
 * Only the bookkeeping the callbacks do is kept: the balloon's page list and isolated-page count,
 * under {@code pages_lock} ({@code spin_lock_irqsave}; interrupts are not modelled).
 */
public final class BalloonDevInfo implements MovableOperations {
    private final SpinLock pagesLock = new SpinLock();
    /** {@code b_dev_info->pages}, guarded by pagesLock. */
    private final Deque<Page> pages = new ArrayDeque<>(1); // room for the one page a race inserts; it grows
    /** {@code b_dev_info->isolated_pages}, guarded by pagesLock. */
    private long isolatedPages;

    /**
     * The list insertion of {@code balloon_page_insert()}: the page joins the balloon. (The kernel
     * also marks it movable and points {@code page->mapping} at the balloon; see {@link Migrate}.)
     */
    public void balloonPageInsert(Page page) {
        pagesLock.lock();
        try {
            pages.addFirst(page);
        } finally {
            pagesLock.unlock();
        }
    }

    /** {@code balloon_page_isolate()}: take the page off the balloon's list for migration. */
    @Override
    public boolean isolatePage(Page page) {
        pagesLock.lock();
        try {
            pages.remove(page);
            isolatedPages++;
        } finally {
            pagesLock.unlock();
        }
        return true;
    }

    /** {@code balloon_page_putback()}: migration did not move the page; back onto the list. */
    @Override
    public void putbackPage(Page page) {
        pagesLock.lock();
        try {
            pages.addFirst(page);
            isolatedPages--;
        } finally {
            pagesLock.unlock();
        }
    }

    /** Pages on the balloon's list (not isolated). */
    public int nrPages() {
        pagesLock.lock();
        try {
            return pages.size();
        } finally {
            pagesLock.unlock();
        }
    }

    /** {@code b_dev_info->isolated_pages}. */
    public long isolatedPages() {
        pagesLock.lock();
        try {
            return isolatedPages;
        } finally {
            pagesLock.unlock();
        }
    }
}
