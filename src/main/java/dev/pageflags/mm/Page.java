package dev.pageflags.mm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A {@code struct page *}: a handle on one page of a {@link MemMap}.
 *
 * <p>The flag helpers are the kernel's generated family, written once for every {@link PageFlag}:
 * {@code page.testClear(PG_mlocked)} is {@code TestClearPageMlocked(page)},
 * {@code page.__clear(PG_isolated)} is {@code __ClearPageIsolated(page)}.
 *
 * <p>Fields that the kernel keeps in {@code struct page} and guards with a lock (the LRU linkage,
 * {@code mlock_count}) are plain fields here, touched only with that lock held.
 */
public final class Page {
    private final MemMap map;
    private final int pfn;
    private final int flagIndex;
    private final AtomicLongArray words;

    private static final VarHandle PUBLISHED;

    static {
        try {
            PUBLISHED = MethodHandles.lookup().findVarHandle(Page.class, "published", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Whether other CPUs may reach this page, for the debug check only. Starts true: a page handed
     * out by {@link MemMap#page(int)} stands for one already in use; {@link MemMap#allocPage()}
     * clears it. Accessed opaque: the kernel has no such field, so it must add no ordering to the
     * paths that set it (a volatile store in the LRU add is a full fence on x86, and hid race 003).
     */
    @SuppressWarnings("unused") // accessed through PUBLISHED
    private boolean published = true;

    // LRU linkage (page->lru), guarded by the lruvec's lru_lock.
    Page lruPrev;
    Page lruNext;
    LruList lru;

    /** 5.18's {@code page->mlock_count}: mlocked vmas mapping the page. Guarded by lru_lock. */
    public int mlockCount;

    Page(MemMap map, int pfn, int flagIndex) {
        this.map = map;
        this.pfn = pfn;
        this.flagIndex = flagIndex;
        this.words = map.flagWords();
    }

    public MemMap map() {
        return map;
    }

    public int pfn() {
        return pfn;
    }

    /** The array holding this page's flag word: {@code &page->flags} is (words(), flagIndex()). */
    AtomicLongArray words() {
        return words;
    }

    int flagIndex() {
        return flagIndex;
    }

    /** {@code READ_ONCE(page->flags)}. */
    public long flags() {
        return Rwonce.readOnce(words, flagIndex);
    }

    // ---- the per-flag helper family -------------------------------------------------------

    /** {@code PageFoo(page)}. */
    public boolean test(PageFlag f) {
        return Bitops.testBit(f.bit(), words, flagIndex);
    }

    /** {@code SetPageFoo(page)}: atomic {@code set_bit}. */
    public void set(PageFlag f) {
        Bitops.setBit(f.bit(), words, flagIndex);
    }

    /** {@code ClearPageFoo(page)}: atomic {@code clear_bit}. */
    public void clear(PageFlag f) {
        Bitops.clearBit(f.bit(), words, flagIndex);
    }

    /** {@code TestSetPageFoo(page)}: atomic, fully ordered; returns the old value. */
    public boolean testSet(PageFlag f) {
        return Bitops.testAndSetBit(f.bit(), words, flagIndex);
    }

    /** {@code TestClearPageFoo(page)}: atomic, fully ordered; returns the old value. */
    public boolean testClear(PageFlag f) {
        return Bitops.testAndClearBit(f.bit(), words, flagIndex);
    }

    /** {@code __SetPageFoo(page)}: non-atomic; only safe on a page nobody else can see. */
    public void __set(PageFlag f) {
        checkNonAtomic("__SetPage", f);
        Bitops.__setBit(f.bit(), words, flagIndex);
    }

    /** {@code __ClearPageFoo(page)}: non-atomic; only safe on a page nobody else can see. */
    public void __clear(PageFlag f) {
        checkNonAtomic("__ClearPage", f);
        Bitops.__clearBit(f.bit(), words, flagIndex);
    }

    /**
     * With {@link MemMap#debugPgflags()}, the assertion Matthew Wilcox tried in seed 004, as Hugh
     * Dickins refined it: a non-atomic flag update is safe on a page with refcount 0, or on a
     * freshly allocated page (refcount 1) that has not been made visible to anyone yet.
     */
    private void checkNonAtomic(String op, PageFlag f) {
        if (!map.debugPgflags()) {
            return;
        }
        int refcount = refcount();
        boolean published = isPublished();
        if (refcount == 0 || (refcount == 1 && !published)) {
            return;
        }
        throw new PageFlagsBug(op + f.uname() + " on pfn " + pfn + " that others can see (refcount "
                + refcount + (published ? ", published" : "") + ", flags " + PageFlag.describe(flags())
                + "): a concurrent atomic update of another flag in this word can be lost");
    }

    // ---- refcount and mapcount ------------------------------------------------------------

    /** {@code page_ref_count(page)}. */
    public int refcount() {
        return map.refcounts().get(pfn);
    }

    /** {@code get_page(page)}. */
    public void getPage() {
        map.refcounts().incrementAndGet(pfn);
    }

    /**
     * {@code get_page_unless_zero(page)}: take a reference only if the page is not free; the way
     * pfn walkers (compaction) pin a page they found without holding any reference to it.
     */
    public boolean getPageUnlessZero() {
        int c = map.refcounts().get(pfn);
        while (c != 0) {
            int witness = map.refcounts().compareAndExchange(pfn, c, c + 1);
            if (witness == c) {
                return true;
            }
            c = witness;
        }
        return false;
    }

    /** {@code put_page_testzero(page)}: drop a reference, true when it was the last. */
    public boolean putPageTestZero() {
        int left = map.refcounts().decrementAndGet(pfn);
        if (left < 0) {
            throw new PageFlagsBug("put_page on pfn " + pfn + " with refcount 0");
        }
        return left == 0;
    }

    /** {@code put_page(page)}: the last reference frees the page, with the kernel's checks. */
    public void putPage() {
        if (putPageTestZero()) {
            map.freePage(this);
        }
    }

    /** {@code page_mapcount(page)}: how many ptes map it. */
    public int mapcount() {
        return map.mapcounts().get(pfn);
    }

    /** The {@code _mapcount} increment of {@code page_add_*_rmap}; true when this is the first mapping. */
    public boolean incMapcount() {
        return map.mapcounts().incrementAndGet(pfn) == 1;
    }

    /** The {@code _mapcount} decrement of {@code page_remove_rmap}; true when that was the last mapping. */
    public boolean decMapcount() {
        int left = map.mapcounts().decrementAndGet(pfn);
        if (left < 0) {
            throw new PageFlagsBug("page_remove_rmap on pfn " + pfn + " with mapcount 0");
        }
        return left == 0;
    }

    // ---- visibility, for the debug check ---------------------------------------------------

    /** Make the page reachable by others (LRU, page tables, page cache); called by those paths. */
    public void publish() {
        if (!isPublished()) {
            PUBLISHED.setOpaque(this, true);
        }
    }

    public boolean isPublished() {
        return (boolean) PUBLISHED.getOpaque(this);
    }

    void unpublish() {
        PUBLISHED.setOpaque(this, false);
    }

    /** The LRU list the page is on, or null; read it with the lru lock held. */
    public LruList lru() {
        return lru;
    }

    @Override
    public String toString() {
        return "page(pfn " + pfn + ", " + PageFlag.describe(flags()) + ", refcount " + refcount()
                + ", mapcount " + mapcount() + ")";
    }
}
