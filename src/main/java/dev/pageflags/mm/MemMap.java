package dev.pageflags.mm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The kernel's {@code mem_map}: every page's flag word, refcount and mapcount, plus the per-node
 * state the races touch (one LRU vector, the hashed page wait-queue table, the vmstat counters).
 *
 * <p>A kernel has one of these; the model makes as many as it likes, so that each stress sample,
 * unit test or benchmark owns its own and nothing leaks between them.
 *
 * <p>Flag words live in one {@link AtomicLongArray}. By default they are packed, one {@code long}
 * per page, so eight neighbouring pages share a cache line; {@link Builder#wordsPerPage(int)} spaces
 * them out (8 words = 64 bytes, the size of a real {@code struct page}), which the benchmarks use to
 * compare false sharing with none.
 */
public final class MemMap {
    private static final Logger log = LoggerFactory.getLogger(MemMap.class);

    /** Flags that must be clear when a page is freed: a subset of PAGE_FLAGS_CHECK_AT_FREE. */
    private static final long PAGE_FLAGS_CHECK_AT_FREE = PageFlag.PG_lru.mask() | PageFlag.PG_locked.mask()
            | PageFlag.PG_private.mask() | PageFlag.PG_private_2.mask() | PageFlag.PG_writeback.mask()
            | PageFlag.PG_reserved.mask() | PageFlag.PG_slab.mask() | PageFlag.PG_active.mask()
            | PageFlag.PG_unevictable.mask() | PageFlag.PG_mlocked.mask();

    private final AtomicLongArray flagWords;
    private final AtomicIntegerArray refcounts;
    private final AtomicIntegerArray mapcounts;
    private final int wordsPerPage;
    private final boolean debugPgflags;
    private final Page[] pages;
    private final Lruvec lruvec = new Lruvec();
    private final PageWaitTable waitTable = new PageWaitTable();
    private final VmStat vmstat = new VmStat();
    private final List<String> badPages = new CopyOnWriteArrayList<>();

    private MemMap(Builder b) {
        if (b.pages <= 0) {
            throw new IllegalArgumentException("a mem_map needs at least one page, got " + b.pages);
        }
        if (b.wordsPerPage <= 0) {
            throw new IllegalArgumentException("wordsPerPage must be positive, got " + b.wordsPerPage);
        }
        this.wordsPerPage = b.wordsPerPage;
        this.debugPgflags = b.debugPgflags;
        this.flagWords = new AtomicLongArray(Math.multiplyExact(b.pages, b.wordsPerPage));
        this.refcounts = new AtomicIntegerArray(b.pages);
        this.mapcounts = new AtomicIntegerArray(b.pages);
        this.pages = new Page[b.pages];
        for (int pfn = 0; pfn < b.pages; pfn++) {
            pages[pfn] = new Page(this, pfn, pfn * wordsPerPage);
        }
    }

    /** A packed mem_map of {@code nrPages} pages, debug checks as the system property says. */
    public MemMap(int nrPages) {
        this(builder().pages(nrPages));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Page page(int pfn) {
        return pages[pfn];
    }

    public int nrPages() {
        return pages.length;
    }

    /**
     * {@code alloc_page()}: a free page with refcount 1 that nobody else can reach yet. Non-atomic
     * flag operations on it are safe until something publishes it (Hugh Dickins' point in seed 004).
     */
    public Page allocPage() {
        for (Page page : pages) {
            if (refcounts.compareAndSet(page.pfn(), 0, 1)) {
                page.unpublish();
                return page;
            }
        }
        throw new IllegalStateException("out of memory: all " + pages.length + " pages are in use");
    }

    public Lruvec lruvec() {
        return lruvec;
    }

    public PageWaitTable waitTable() {
        return waitTable;
    }

    public VmStat vmstat() {
        return vmstat;
    }

    /** The raw flag words, for benchmarks that measure the bit operations themselves. */
    public AtomicLongArray flagWords() {
        return flagWords;
    }

    /** Index of page {@code pfn}'s flag word in {@link #flagWords()}. */
    public int flagIndex(int pfn) {
        return pfn * wordsPerPage;
    }

    /**
     * The model's debug mode, CONFIG_DEBUG_VM with CONFIG_DEBUG_VM_PGFLAGS: whether non-atomic flag
     * operations and {@code unlock_page}'s {@code VM_BUG_ON_PAGE} are checked.
     */
    public boolean debugPgflags() {
        return debugPgflags;
    }

    /** Every "Bad page state" report made when a page was freed, oldest first. */
    public List<String> badPages() {
        return new ArrayList<>(badPages);
    }

    AtomicIntegerArray refcounts() {
        return refcounts;
    }

    AtomicIntegerArray mapcounts() {
        return mapcounts;
    }

    /**
     * The page's refcount reached zero: {@code free_pages_prepare()}'s checks. The kernel reports
     * a bad page and carries on; so does the model, and keeps the report for tests to read.
     */
    void freePage(Page page) {
        pageCacheRelease(page);
        long flags = page.flags();
        int mapcount = mapcounts.get(page.pfn());
        if ((flags & PAGE_FLAGS_CHECK_AT_FREE) != 0 || mapcount != 0) {
            String reason = (flags & PageFlag.PG_mlocked.mask()) != 0 ? "mlocked"
                    : mapcount != 0 ? "nonzero mapcount" : "PAGE_FLAGS_CHECK_AT_FREE flag(s) set";
            String report = "BUG: Bad page state: pfn " + page.pfn() + " (" + reason + ") flags: "
                    + PageFlag.describe(flags) + " mapcount " + mapcount;
            log.error(report);
            badPages.add(report);
        }
        flagWords.set(flagIndex(page.pfn()), 0L);
        mapcounts.set(page.pfn(), 0);
        page.unpublish();
    }

    /**
     * {@code __page_cache_release()}: a page whose last reference goes while it is on an LRU list
     * comes off that list, under the lru lock, before it is checked and freed. Nobody else holds a
     * reference, so the flag updates may be the non-atomic ones the kernel uses here.
     */
    private void pageCacheRelease(Page page) {
        if (!page.test(PageFlag.PG_lru)) {
            return;
        }
        lruvec.lruLock().lock();
        try {
            page.__clear(PageFlag.PG_lru);
            // page_off_lru(): the list the page is on decides which of its list flags go.
            LruList lru = Lruvec.pageLru(page);
            if (lru == LruList.LRU_UNEVICTABLE) {
                page.__clear(PageFlag.PG_unevictable);
            } else {
                page.__clear(PageFlag.PG_active);
            }
            lruvec.delPageFromLruList(page, page.lru());
        } finally {
            lruvec.lruLock().unlock();
        }
    }

    /** Options for a mem_map. */
    public static final class Builder {
        private int pages = 1;
        private int wordsPerPage = 1;
        private boolean debugPgflags = Boolean.getBoolean("pageflags.debugPgflags");

        private Builder() {
        }

        public Builder pages(int n) {
            this.pages = n;
            return this;
        }

        /** Distance between two pages' flag words, in longs: 1 packs them, 8 mimics struct page. */
        public Builder wordsPerPage(int n) {
            this.wordsPerPage = n;
            return this;
        }

        /**
         * Check every non-atomic flag operation against the page's refcount (Matthew Wilcox's
         * VM_BUG_ON_PGFLAGS proposal in seed 004). Defaults to the system property
         * {@code pageflags.debugPgflags}.
         */
        public Builder debugPgflags(boolean on) {
            this.debugPgflags = on;
            return this;
        }

        public MemMap build() {
            return new MemMap(this);
        }
    }
}
