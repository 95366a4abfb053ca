package dev.pageflags.stress.lincheck;

import dev.pageflags.stress.Race002_MigrationMlockCountedTwice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

/**
 * Race 002 under Lincheck: mlock's pte walk and {@code remove_migration_pte()} both count the same
 * mapping in {@code mlock_count}. The fix publishes VM_LOCKED with VM_IO during the walk and makes
 * {@code mlock_vma_page()} decline a VM_IO vma.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class Race002LincheckTest {
    @Test
    void brokenMlockCountCountedTwice() {
        RaceChecks.check(() -> Race002_MigrationMlockCountedTwice.Broken.newScenario());
    }

    @Test
    void fixedVmIoGuardHolds() {
        RaceChecks.check(() -> Race002_MigrationMlockCountedTwice.Fixed.newScenario());
    }
}
