package dev.pageflags.mm.v2_6_32;

import dev.pageflags.mm.Filemap;
import dev.pageflags.mm.LruList;
import dev.pageflags.mm.Page;
import dev.pageflags.mm.Variant;
import dev.pageflags.mm.VmStat;

import java.util.function.Function;

import static dev.pageflags.mm.PageFlag.PG_swapbacked;

/**
 * One zone with one page, wired as race 003 has it: reclaim's putback on one side, munlock on the
 * other. The page starts mapped once (refcount 1, mapcount 1), anonymous, off every list.
 */
final class PutbackFixture {
    final Zone zone;
    final Page page;
    final Vmscan vmscan;
    final Mlock mlock;

    PutbackFixture(FlagLayout layout, Variant variant) {
        this(layout, variant, null);
    }

    /** With {@code swap} built by the caller, to step into the putback's window. */
    PutbackFixture(FlagLayout layout, Variant variant, Function<Zone, Swap> swap) {
        zone = new Zone(1, layout);
        page = zone.map().page(0);
        vmscan = new Vmscan(zone, swap == null ? new Swap(zone) : swap.apply(zone), variant);
        mlock = new Mlock(zone, vmscan);
        page.set(PG_swapbacked);
        page.getPage();
        page.incMapcount();
    }

    /** mlock_vma_page()'s effect, without its LRU move: PG_mlocked set and counted. */
    void mlocked() {
        zone.flags().testSetPageMlocked(page);
        zone.vmstat().mod(VmStat.Item.NR_MLOCK, 1);
    }

    /** An isolator's reference, as isolate_lru_page() or reclaim's scan takes it. */
    void isolatedByCaller() {
        page.getPage();
    }

    /** munlock_vma_pages_range() takes the page lock before munlock_vma_page(). */
    void pageLockedByMunlocker() {
        if (!Filemap.trylockPage(page)) {
            throw new IllegalStateException("page already locked");
        }
    }

    long nrMlock() {
        return zone.vmstat().read(VmStat.Item.NR_MLOCK);
    }

    long events(VmStat.Event e) {
        return zone.vmstat().read(e);
    }

    int listSize(LruList lru) {
        return zone.lruvec().size(lru);
    }
}
