package dev.pageflags.mm.v5_17;

import dev.pageflags.mm.Page;

/**
 * The part of a movable page's {@code address_space_operations} that 5.17's compaction calls with
 * the page locked: {@code isolate_page} and {@code putback_page}. ({@code migratepage} is not
 * modelled: in the races replayed here migration never moves the page.)
 */
public interface MovableOperations {
    /** {@code a_ops->isolate_page(page, mode)}: the driver lets go of the page; false refuses. */
    boolean isolatePage(Page page);

    /** {@code a_ops->putback_page(page)}: the driver takes back a page migration did not move. */
    void putbackPage(Page page);
}
