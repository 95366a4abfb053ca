package dev.pageflags.stress;

import dev.pageflags.mm.Page;
import dev.pageflags.mm.Variant;
import dev.pageflags.mm.Vma;
import dev.pageflags.mm.v5_18.Migrate;
import dev.pageflags.mm.v5_18.MlockVma;
import dev.pageflags.mm.v5_18.MlockWalk;
import dev.pageflags.mm.v5_18.PageUnderMigration;
import dev.pageflags.mm.v5_18.Rmap;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Ref;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IZZ_Result;

import static dev.pageflags.mm.PageFlag.PG_mlocked;
import static dev.pageflags.mm.PageFlag.PG_unevictable;
import static dev.pageflags.mm.VmFlags.VM_READ;
import static dev.pageflags.mm.VmFlags.VM_WRITE;

/*
 * Race 002 (Linux 5.18, 2022): mlock(2) and page migration both count one mapping in mlock_count.
 *
 * 5.18 counts a page's VM_LOCKED mappings in page->mlock_count (kept under the lru lock while the
 * page is on the unevictable list); munlock counts down and frees the page for reclaim at zero.
 * mlock(2), holding mmap_lock for writing, stores VM_LOCKED in vma->vm_flags and then walks the
 * vma's ptes under the pte lock (mlock_pte_range()), mlocking each page a present pte maps. Page
 * migration does not take mmap_lock: remove_migration_pte() holds only the pte lock when it turns
 * a migration entry back into a pte, and page_add_anon_rmap() -> mlock_vma_page() mlocks the page
 * if the vma it reads is VM_LOCKED.
 *
 *   actor 1: mlock(2)                           actor 2: remove_migration_pte()
 *   mmap_write_lock(mm)
 *                                               spin_lock(ptl): pte is a migration entry
 *   WRITE_ONCE(vma->vm_flags, flags|VM_LOCKED)
 *   walk: spin_lock(ptl) ...waits
 *                                               page_add_anon_rmap -> mlock_vma_page:
 *                                                 VM_LOCKED -> mlock_folio: mlock_count = 1
 *                                               set_pte_at(new pte); spin_unlock(ptl)
 *   mlock_pte_range: pte present, VM_LOCKED
 *     -> mlock_folio: mlock_count = 2
 *   ...later munlock(2): mlock_count 2 -> 1, the page stays Mlocked and unevictable for ever.
 *
 * What the two variants are. The guard (Hugh Dickins, in patch 07/13 of his series, the same patch
 * that brought the walk, acked in the seed) publishes VM_LOCKED|VM_IO in one store, clears VM_IO
 * after the walk, and makes mlock_vma_page() decline a VM_IO (5.18: any VM_SPECIAL) vma. The
 * guard came with the walk, so no kernel ever shipped the walk without it: the broken variant is
 * the series with the guard taken out, the race its commit message names ("Guard against it by
 * setting the (inappropriate) VM_IO flag"), not a released kernel's code; the fixed variant is
 * the series as it went into 5.18. Why no interleaving can count twice with the guard:
 *  - the racer's pte-lock section before the walk's: it reads the old flags or VM_LOCKED|VM_IO
 *    (declines), never the final VM_LOCKED, which is stored after the walk; the walk counts once;
 *  - the racer's section after the walk's: the walk saw a migration entry (not present) and
 *    counted nothing; the racer counts once, or declines on VM_IO: mlock_count 0.
 * Ending one short (0) is tolerated by design: the page is then evictable, reclaim meets it in a
 * VM_LOCKED vma and mlocks it ("Restore the mlock which got missed" in folio_referenced_one() and
 * try_to_unmap_one()), and a
 * munlock never takes the count below zero. Ending one too high cannot be repaired.
 *
 * Why the racer is remove_migration_pte() and not try_to_unmap_one(): the new page is on the LRU
 * (5.18's __unmap_and_move() puts it there first so that these mlocks are counted), whereas reclaim
 * runs try_to_unmap_one() on a page it has isolated from the LRU, where mlock_folio() sets
 * PG_mlocked but cannot touch mlock_count.
 *
 * Each sample starts with the pte holding the migration entry and the new page on the inactive
 * anon list; the arbiter reads mlock_count, runs munlock(2) on the vma, and reports whether the
 * page is still Mlocked and unevictable. Result: (mlock_count, Mlocked after munlock, Unevictable
 * after munlock).
 *
 * How to run this test:
 *   java -jar stress/target/jcstress.jar -t Race002 -sc false \
 *        -jvmArgs "-XX:+UseParallelGC" -f 1 -iters 3 -time 1000
 *
 * The window is narrow: migration must take the pte lock before the walk does, yet read vm_flags
 * after mlock's store: its lock-to-read stretch (a folio_get() and a mapcount increment) must
 * straddle that store.
 *
 * Observed counts: the committed reference run, results/reference/stress/summary.md (and the
 * per-test HTML reports beside it, which also count the tolerated "one short" state).
 */
@Outcome(id = Race002_MigrationMlockCountedTwice.COUNTED_ONCE, expect = Expect.ACCEPTABLE,
        desc = "mlock_count 1: one of the two counted the mapping; munlock made the page evictable again")
@Outcome(id = Race002_MigrationMlockCountedTwice.ONE_SHORT, expect = Expect.ACCEPTABLE,
        desc = "mlock_count 0: the walk passed the migration entry and migration declined the VM_IO vma; "
                + "tolerated, reclaim mlocks the page when it meets it in the VM_LOCKED vma")
@Outcome(expect = Expect.FORBIDDEN, desc = RaceScenario.MODEL_ERROR)
@Ref("https://lore.kernel.org/linux-mm/8bc3ee8c-7f1-d812-7f22-4f9f6d436bc@google.com/")
public final class Race002_MigrationMlockCountedTwice {
    static final String COUNTED_ONCE = "1, false, false";
    static final String ONE_SHORT = "0, false, false";
    static final String COUNTED_TWICE = "2, true, true";
    static final String COUNTED_TWICE_DESC = "mlock_count counted twice: page unevictable for ever";

    private Race002_MigrationMlockCountedTwice() {
    }

    /**
     * The race, once, for every driver: actor 1 is mlock(2) on the vma, actor 2 page migration
     * restoring the vma's pte to the new page. The end-state check is the later munlock(2).
     */
    public static class Scenario implements RaceScenario {
        // The kernel's code keeps no state of its own: one instance per variant serves every sample.
        private static final MlockWalk BROKEN_MLOCK = new MlockWalk(Variant.BROKEN);
        private static final MlockWalk FIXED_MLOCK = new MlockWalk(Variant.FIXED);
        private static final Migrate BROKEN_MIGRATE = new Migrate(new Rmap(new MlockVma(Variant.BROKEN)));
        private static final Migrate FIXED_MIGRATE = new Migrate(new Rmap(new MlockVma(Variant.FIXED)));

        private final PageUnderMigration world = new PageUnderMigration(VM_READ | VM_WRITE);
        private final Page page = world.newPage();
        private final Vma vma = world.vma();
        private final MlockWalk mlock;
        private final Migrate migrate;

        private boolean checked;
        private int mlockCount;
        private boolean mlockedAfterMunlock;
        private boolean unevictableAfterMunlock;

        public Scenario(Variant variant) {
            mlock = variant == Variant.BROKEN ? BROKEN_MLOCK : FIXED_MLOCK;
            migrate = variant == Variant.BROKEN ? BROKEN_MIGRATE : FIXED_MIGRATE;
        }

        /** mlock(2): mlock_fixup() stores VM_LOCKED and walks the ptes. */
        @Override
        public void actor1() {
            mlock.doMlock(vma);
        }

        /** remove_migration_pte(): maps the new page, mlocking it if the vma says VM_LOCKED. */
        @Override
        public void actor2() {
            migrate.removeMigrationPte(page, vma, PageUnderMigration.ADDR, world.oldPage());
        }

        /** Read the count, then munlock(2) the vma: once, however many callers ask. */
        private void check() {
            if (checked) {
                return;
            }
            checked = true;
            mlockCount = page.mlockCount;
            mlock.doMunlock(vma);
            mlockedAfterMunlock = page.test(PG_mlocked);
            unevictableAfterMunlock = page.test(PG_unevictable);
        }

        /** One mapping counted twice: after the munlock the page is still mlocked and unevictable. */
        @Override
        public boolean badEndState() {
            check();
            return mlockCount > 1 || mlockedAfterMunlock || unevictableAfterMunlock;
        }

        @Override
        public String describeEndState() {
            check();
            return "mlock_count " + mlockCount + " for one VM_LOCKED mapping; after munlock: "
                    + (mlockedAfterMunlock ? "still Mlocked" : "not Mlocked") + ", "
                    + (unevictableAfterMunlock ? "unevictable" : "evictable") + "; " + page;
        }

        protected final void report(IZZ_Result r) {
            check();
            r.r1 = mlockCount;
            r.r2 = mlockedAfterMunlock;
            r.r3 = unevictableAfterMunlock;
        }
    }

    @JCStressTest
    @JCStressMeta(Race002_MigrationMlockCountedTwice.class)
    @RaceVariant(seed = "002", variant = Variant.BROKEN)
    @Description("5.18's mlock series without the VM_IO guard of its patch 07/13 (never shipped): "
            + "remove_migration_pte() mlocks the page between mlock_fixup()'s store of VM_LOCKED and its pte walk, "
            + "which mlocks it again")
    @Outcome(id = COUNTED_TWICE, expect = Expect.ACCEPTABLE_INTERESTING, desc = COUNTED_TWICE_DESC)
    @State
    public static class Broken extends Scenario {
        public Broken() {
            super(Variant.BROKEN);
        }

        @Actor
        public void mlock() {
            actor1();
        }

        @Actor
        public void migration() {
            actor2();
        }

        @Arbiter
        public void munlockAfterwards(IZZ_Result r) {
            report(r);
        }

        /** This test's race for the Lincheck check, allocated where Lincheck's instrumentation sees it. */
        public static RaceScenario newScenario() {
            return new Broken();
        }
    }

    /**
     * The guard as 5.18 shipped it: the {@link dev.pageflags.mm.Variant} branches in
     * {@link dev.pageflags.mm.v5_18.MlockWalk#mlockVmaPagesRange} (VM_IO published with VM_LOCKED,
     * cleared after the walk) and {@link dev.pageflags.mm.v5_18.MlockVma#mlockVmaPage} (a VM_SPECIAL
     * vma is declined).
     */
    @JCStressTest
    @JCStressMeta(Race002_MigrationMlockCountedTwice.class)
    @RaceVariant(seed = "002", variant = Variant.FIXED)
    @Description("5.18 with the VM_IO guard: VM_LOCKED is published with VM_IO during the walk, and "
            + "mlock_vma_page() declines a VM_SPECIAL vma")
    @Outcome(id = COUNTED_TWICE, expect = Expect.FORBIDDEN, desc = COUNTED_TWICE_DESC)
    @State
    public static class Fixed extends Scenario {
        public Fixed() {
            super(Variant.FIXED);
        }

        @Actor
        public void mlock() {
            actor1();
        }

        @Actor
        public void migration() {
            actor2();
        }

        @Arbiter
        public void munlockAfterwards(IZZ_Result r) {
            report(r);
        }

        /** This test's race for the Lincheck check, allocated where Lincheck's instrumentation sees it. */
        public static RaceScenario newScenario() {
            return new Fixed();
        }
    }
}
