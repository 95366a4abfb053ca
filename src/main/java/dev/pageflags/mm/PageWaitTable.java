package dev.pageflags.mm;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * {@code page_wait_table}: 256 wait queues shared by all pages, chosen by hashing the page.
 *
 * <p>Pages do not carry their own queue (struct page has no room for one); two pages may collide on
 * a queue, which is why a waker must check which page an entry waits for.
 *
 * <p>The kernel's table is static; here each {@link MemMap} has one, and a stress test builds a
 * fresh MemMap per sample. So a queue head is made the first time a page hashes to it, keeping
 * a sample's setup at a few objects instead of 256 locks.
 */
public final class PageWaitTable {
    static final int PAGE_WAIT_TABLE_BITS = 8;
    private static final int GOLDEN_RATIO_32 = 0x61C88647;

    private final AtomicReferenceArray<WaitQueueHead> table = new AtomicReferenceArray<>(1 << PAGE_WAIT_TABLE_BITS);

    PageWaitTable() {
    }

    /** {@code page_waitqueue(page)}: the kernel hashes the struct page pointer; the model hashes the pfn. */
    public WaitQueueHead pageWaitqueue(Page page) {
        int slot = (page.pfn() * GOLDEN_RATIO_32) >>> (32 - PAGE_WAIT_TABLE_BITS);
        WaitQueueHead q = table.getAcquire(slot);
        if (q == null) {
            WaitQueueHead fresh = new WaitQueueHead();
            q = table.compareAndExchangeRelease(slot, null, fresh);
            if (q == null) {
                q = fresh;
            }
        }
        return q;
    }
}
