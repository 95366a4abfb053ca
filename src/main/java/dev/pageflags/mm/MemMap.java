package dev.pageflags.mm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
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
 *
 * <p>A stress test builds one per sample, millions a second, so what only some paths use is made on
 * first use: the page wait table (256 queue slots, needed only when a {@code lock_page()} sleeps) and
 * the list of bad-page reports. Nothing a race reads or orders lives in them before that.
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
    private final VmStat vmstat = new VmStat();
    /** Made by the first {@link #waitTable()}; read and published through WAIT_TABLE. */
    @SuppressWarnings("unused")
    private PageWaitTable waitTable;
    /** The "Bad page state" reports, an immutable list replaced whole through BAD_PAGES. */
    @SuppressWarnings("unused")
    private List<String> badPages = List.of();

    private static final VarHandle WAIT_TABLE;
    private static final VarHandle BAD_PAGES;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            WAIT_TABLE = lookup.findVarHandle(MemMap.class, "waitTable", PageWaitTable.class);
            BAD_PAGES = lookup.findVarHandle(MemMap.class, "badPages", List.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

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

    /**
     * The hashed page wait queues. The kernel's table is static, there from boot; here it is made by
     * the first caller, the way {@link PageWaitTable} makes each queue head: an acquire load, and a
     * release compare-and-exchange only by the caller that finds none. That caller, in a fresh table,
     * then makes its queue head with the same kind of compare-and-exchange, as every first waiter did
     * when the table was made up front; the one added here sits right before it and orders nothing
     * the other does not. A scenario whose actors sleep in every sample can call this in its setup, so
     * that none of them makes it.
     */
    public PageWaitTable waitTable() {
        PageWaitTable table = (PageWaitTable) WAIT_TABLE.getAcquire(this);
        if (table == null) {
            PageWaitTable fresh = new PageWaitTable();
            table = (PageWaitTable) WAIT_TABLE.compareAndExchangeRelease(this, null, fresh);
            if (table == null) {
                table = fresh;
            }
        }
        return table;
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
    @SuppressWarnings("unchecked")
    public List<String> badPages() {
        return (List<String>) BAD_PAGES.getAcquire(this);
    }

    /**
     * Keeps a report: a new list with it appended, installed by compare-and-exchange (a full barrier,
     * as the concurrent list's lock was), on a path that already found a bad page.
     */
    @SuppressWarnings("unchecked")
    private void keepBadPage(String report) {
        List<String> seen = (List<String>) BAD_PAGES.getAcquire(this);
        while (true) {
            List<String> more = new ArrayList<>(seen);
            more.add(report);
            List<String> witness = (List<String>) BAD_PAGES.compareAndExchange(this, seen, List.copyOf(more));
            if (witness == seen) {
                return;
            }
            seen = witness;
        }
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
            keepBadPage(report);
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

    /**
     * {@code -Dpageflags.debugPgflags}, read once when the class loads, as CONFIG_DEBUG_VM_PGFLAGS is
     * fixed when the kernel is built (and a stress sample's mem_map then reads no system property).
     */
    private static final boolean DEBUG_PGFLAGS_DEFAULT = Boolean.getBoolean("pageflags.debugPgflags");

    /** Options for a mem_map. */
    public static final class Builder {
        private int pages = 1;
        private int wordsPerPage = 1;
        private boolean debugPgflags = DEBUG_PGFLAGS_DEFAULT;

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
         * {@code pageflags.debugPgflags}, as it was when this class loaded.
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
