package dev.pageflags.mm.v2_6_32;

import dev.pageflags.mm.Lruvec;
import dev.pageflags.mm.MemMap;
import dev.pageflags.mm.SpinLock;
import dev.pageflags.mm.VmStat;

/**
 * {@code struct zone} of 2.6.32, reduced to what the unevictable-LRU putback touches: the LRU lists
 * and {@code zone->lru_lock} (the core's {@link Lruvec}), the vmstat counters, and where the race's
 * flags live. The model has one zone, so {@code page_zone(page)} is always this one.
 */
public final class Zone {
    /** sizeof(struct page) / sizeof(long) on 64-bit. */
    static final int STRUCT_PAGE_WORDS = 8;

    private final MemMap map;
    private final UnevictableFlags flags;

    /**
     * A zone of {@code nrPages} pages. Each page gets a struct page's worth of words (8 longs, 64
     * bytes) in the mem_map: word 0 is {@code page->flags}, and {@link FlagLayout#SEPARATE_WORDS}
     * keeps PG_mlocked in word 1, another word of the same struct page.
     */
    public Zone(int nrPages, FlagLayout layout) {
        this.map = MemMap.builder().pages(nrPages).wordsPerPage(STRUCT_PAGE_WORDS).build();
        this.flags = new UnevictableFlags(layout, map);
    }

    public MemMap map() {
        return map;
    }

    /** {@code zone->lru_lock}. */
    public SpinLock lruLock() {
        return map.lruvec().lruLock();
    }

    /** {@code zone->lru[]}. */
    public Lruvec lruvec() {
        return map.lruvec();
    }

    public VmStat vmstat() {
        return map.vmstat();
    }

    public UnevictableFlags flags() {
        return flags;
    }
}
