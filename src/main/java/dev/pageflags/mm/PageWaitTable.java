package dev.pageflags.mm;

/**
 * {@code page_wait_table}: 256 wait queues shared by all pages, chosen by hashing the page.
 *
 * <p>Pages do not carry their own queue (struct page has no room for one); two pages may collide on
 * a queue, which is why a waker must check which page an entry waits for.
 */
public final class PageWaitTable {
    static final int PAGE_WAIT_TABLE_BITS = 8;
    private static final int GOLDEN_RATIO_32 = 0x61C88647;

    private final WaitQueueHead[] table = new WaitQueueHead[1 << PAGE_WAIT_TABLE_BITS];

    PageWaitTable() {
        for (int i = 0; i < table.length; i++) {
            table[i] = new WaitQueueHead();
        }
    }

    /** {@code page_waitqueue(page)}: the kernel hashes the struct page pointer; the model hashes the pfn. */
    public WaitQueueHead pageWaitqueue(Page page) {
        return table[(page.pfn() * GOLDEN_RATIO_32) >>> (32 - PAGE_WAIT_TABLE_BITS)];
    }
}
