package dev.pageflags.mm.v5_18;

import dev.pageflags.mm.LruList;
import dev.pageflags.mm.Page;
import dev.pageflags.mm.Variant;
import dev.pageflags.mm.Vma;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.pageflags.mm.PageFlag.PG_mlocked;
import static dev.pageflags.mm.PageFlag.PG_unevictable;
import static dev.pageflags.mm.VmFlags.VM_IO;
import static dev.pageflags.mm.VmFlags.VM_LOCKED;
import static dev.pageflags.mm.VmFlags.VM_READ;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** mlock(2) and munlock(2) on one vma, and page migration finishing into it, without a race. */
class MlockWalkTest {

    @ParameterizedTest
    @EnumSource(Variant.class)
    void mlockCountsAMappedPageOnceAndLeavesNoVmIoBehind(Variant variant) {
        Fixture f = new Fixture(variant, VM_READ);
        f.migrateIn(); // mapped first, in an unlocked vma

        f.walk.doMlock(f.vma);

        assertEquals(VM_READ | VM_LOCKED, f.vma.vmFlags(), "VM_IO is only there during the walk");
        assertEquals(1, f.page.mlockCount);
        assertTrue(f.page.test(PG_mlocked));
        assertEquals(LruList.LRU_UNEVICTABLE, f.page.lru());
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void munlockAfterMlockMakesThePageEvictableAgain(Variant variant) {
        Fixture f = new Fixture(variant, VM_READ);
        f.migrateIn();
        f.walk.doMlock(f.vma);

        f.walk.doMunlock(f.vma);

        assertEquals(VM_READ, f.vma.vmFlags());
        assertEquals(0, f.page.mlockCount);
        assertFalse(f.page.test(PG_mlocked));
        assertFalse(f.page.test(PG_unevictable));
        assertEquals(LruList.LRU_INACTIVE_ANON, f.page.lru());
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void theWalkSkipsAMigrationEntryAndMigrationMlocksThePageAfterwards(Variant variant) {
        Fixture f = new Fixture(variant, VM_READ);

        f.walk.doMlock(f.vma);
        assertFalse(f.page.test(PG_mlocked), "a migration entry is not a present pte");

        f.migrateIn();
        assertEquals(f.page, f.vma.pageTable().pte(PageUnderMigration.ADDR));
        assertEquals(1, f.page.mapcount());
        assertEquals(1, f.page.mlockCount, "remove_migration_pte() found a VM_LOCKED vma");
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void migrationIntoAnUnlockedVmaDoesNotMlock(Variant variant) {
        Fixture f = new Fixture(variant, VM_READ);
        f.migrateIn();
        assertFalse(f.page.test(PG_mlocked));
        assertEquals(LruList.LRU_INACTIVE_ANON, f.page.lru());
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void mlockOfAnAlreadyLockedVmaDoesNotCountAgain(Variant variant) {
        Fixture f = new Fixture(variant, VM_READ);
        f.migrateIn();
        f.walk.doMlock(f.vma);

        f.walk.doMlock(f.vma);

        assertEquals(1, f.page.mlockCount);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void mlockLeavesAVmSpecialVmaAlone(Variant variant) {
        Fixture f = new Fixture(variant, VM_READ | VM_IO);
        f.migrateIn();

        f.walk.doMlock(f.vma);

        assertEquals(VM_READ | VM_IO, f.vma.vmFlags());
        assertFalse(f.page.test(PG_mlocked));
    }

    /** One vma whose only page is being migrated, and the 5.18 paths of one variant. */
    static final class Fixture {
        final PageUnderMigration world;
        final Vma vma;
        final Page page;
        final MlockWalk walk;
        final Migrate migrate;

        Fixture(Variant variant, long vmFlags) {
            world = new PageUnderMigration(vmFlags);
            vma = world.vma();
            page = world.newPage();
            walk = new MlockWalk(variant);
            migrate = new Migrate(new Rmap(new MlockVma(variant)));
        }

        void migrateIn() {
            migrate.removeMigrationPte(page, vma, PageUnderMigration.ADDR, world.oldPage());
        }
    }
}
