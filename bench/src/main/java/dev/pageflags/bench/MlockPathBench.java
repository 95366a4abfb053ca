package dev.pageflags.bench;

import dev.pageflags.mm.Filemap;
import dev.pageflags.mm.MemMap;
import dev.pageflags.mm.Page;
import dev.pageflags.mm.Variant;
import dev.pageflags.mm.v5_18.Mlock;
import dev.pageflags.mm.v5_18.PageUnderMigration;
import dev.pageflags.mm.vmscan.MlockCommon;
import dev.pageflags.mm.vmscan.ReverseMap;
import dev.pageflags.mm.vmscan.Swap;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import static dev.pageflags.mm.VmFlags.VM_READ;

/**
 * The mlock and munlock paths of the scenarios, end to end on one page, one thread: mlock the page
 * and munlock it again, so every invocation starts from the same state (on an evictable LRU list,
 * PG_mlocked clear, NR_MLOCK back where it was). Each round trip takes the page lock where the
 * era's callers hold it, isolates the page from its LRU list and puts it back twice, under the
 * lru lock. The fixed variant of each era: the cost users pay after the fix.
 *
 * <p>The page is mapped once, by the vma being (m)unlocked, so munlock skips the rmap walk of
 * {@code try_to_munlock()} as the kernel does for a page mapped once.
 */
public class MlockPathBench extends NsPerOp {

    /** A page on the inactive list, mapped once, for the 3.13 and 4.2 paths. */
    @State(Scope.Thread)
    public static class OldEra {
        Page page;
        dev.pageflags.mm.v3_13.Mlock mlock313;
        dev.pageflags.mm.v4_2.Mlock mlock42;

        @Setup
        public void setUp() {
            page = new MemMap(1).allocPage();
            page.incMapcount();
            Swap.lruCacheAdd(page);
            mlock313 = new dev.pageflags.mm.v3_13.Mlock(
                    new dev.pageflags.mm.v3_13.Rmap(Variant.FIXED, new ReverseMap()));
            mlock42 = new dev.pageflags.mm.v4_2.Mlock(
                    new dev.pageflags.mm.v4_2.Rmap(Variant.FIXED, new ReverseMap()));
        }
    }

    /** A fresh page of 5.18's scenario world, on its LRU list. */
    @State(Scope.Thread)
    public static class Era518 {
        Page page;

        @Setup
        public void setUp() {
            page = new PageUnderMigration(VM_READ).newPage();
        }
    }

    /** 3.13: lock_page, mlock_vma_page, munlock_vma_page, unlock_page. */
    @Benchmark
    public int v3_13(OldEra s) {
        Filemap.lockPage(s.page);
        MlockCommon.mlockVmaPage(s.page);
        int mask = s.mlock313.munlockVmaPage(s.page);
        Filemap.unlockPage(s.page);
        return mask;
    }

    /** 4.2: the same, with 4.2's munlock_vma_page (TestClearPageMlocked under the lru lock). */
    @Benchmark
    public int v4_2(OldEra s) {
        Filemap.lockPage(s.page);
        MlockCommon.mlockVmaPage(s.page);
        int mask = s.mlock42.munlockVmaPage(s.page);
        Filemap.unlockPage(s.page);
        return mask;
    }

    /** 5.18: mlock_folio then munlock_page (no page lock; mlock_count under the lru lock). */
    @Benchmark
    public int v5_18(Era518 s) {
        Mlock.mlockFolio(s.page);
        Mlock.munlockPage(s.page);
        return s.page.mlockCount;
    }
}
