package dev.pageflags.mm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LocksTest {
    @Test
    void spinLockExcludesAndCounts() throws InterruptedException {
        SpinLock lock = new SpinLock();
        long[] counter = {0};
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            Thread th = new Thread(() -> {
                for (int i = 0; i < 50_000; i++) {
                    lock.lock();
                    counter[0]++;
                    lock.unlock();
                }
            });
            th.setDaemon(true);
            threads.add(th);
            th.start();
        }
        long deadline = System.currentTimeMillis() + 10_000;
        for (Thread th : threads) {
            th.join(Math.max(1, deadline - System.currentTimeMillis()));
            if (th.isAlive()) {
                fail("spinlock holder never finished");
            }
        }
        assertEquals(150_000, counter[0]);
        assertFalse(lock.isLocked());
    }

    @Test
    void spinTrylock() {
        SpinLock lock = new SpinLock();
        assertTrue(lock.trylock());
        assertFalse(lock.trylock());
        lock.unlock();
        assertTrue(lock.trylock());
    }

    @Test
    void rwsemReadersShareWritersExclude() {
        RwSemaphore sem = new RwSemaphore();
        assertTrue(sem.downReadTrylock());
        assertTrue(sem.downReadTrylock());
        assertFalse(sem.downWriteTrylock());
        sem.upRead();
        sem.upRead();
        sem.downWrite();
        assertFalse(sem.downReadTrylock(), "down_read_trylock fails while a writer holds it");
        sem.upWrite();
        assertFalse(sem.isLocked());
        assertThrows(PageFlagsBug.class, sem::upRead);
        assertThrows(PageFlagsBug.class, sem::upWrite);
    }
}
