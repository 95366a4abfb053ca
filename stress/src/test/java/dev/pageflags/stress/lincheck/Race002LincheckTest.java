package dev.pageflags.stress.lincheck;

import dev.pageflags.mm.Variant;
import dev.pageflags.stress.Race002_MigrationMlockCountedTwice;
import org.junit.jupiter.api.Test;

/**
 * Race 002 under Lincheck: mlock's pte walk and {@code remove_migration_pte()} both count the same
 * mapping in {@code mlock_count}. The fix publishes VM_LOCKED with VM_IO during the walk and makes
 * {@code mlock_vma_page()} decline a VM_IO vma.
 */
class Race002LincheckTest {
    @Test
    void brokenMlockCountCountedTwice() {
        RaceChecks.expectViolation(Race002_MigrationMlockCountedTwice.Broken.class,
                () -> new Race002_MigrationMlockCountedTwice.Scenario(Variant.BROKEN));
    }

    @Test
    void fixedVmIoGuardHolds() {
        RaceChecks.expectNoViolation(Race002_MigrationMlockCountedTwice.Fixed.class,
                () -> new Race002_MigrationMlockCountedTwice.Scenario(Variant.FIXED), Bounds.FIXED);
    }
}
