package dev.pageflags.mm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.pageflags.mm.PageFlag.PG_isolated;
import static dev.pageflags.mm.PageFlag.PG_locked;
import static dev.pageflags.mm.PageFlag.PG_waiters;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The page lock, first step by step on one thread (the protocol), then with real threads
 * (exclusion, every sleeper woken, PG_waiters gone when nobody waits). Every wait is bounded:
 * a lost wake-up fails the test instead of hanging the build.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FilemapTest {
    private static final long JOIN_MILLIS = 10_000;

    private final MemMap map = new MemMap(8);
    private final Page page = map.page(3);

    @Test
    void trylockTakesAFreeLockAndRefusesAHeldOne() {
        assertTrue(Filemap.trylockPage(page));
        assertFalse(Filemap.trylockPage(page));
        Filemap.unlockPage(page);
        assertEquals(0L, page.flags());
    }

    @Test
    void unlockOfAnUnlockedPageIsABug() {
        assertThrows(PageFlagsBug.class, () -> Filemap.unlockPage(page));
    }

    @Test
    void aWaiterOnAHeldLockSetsWaitersAndQueues() {
        assertTrue(Filemap.trylockPage(page));
        WaitPageQueue wait = Filemap.queueForPageLock(page);
        assertNotNull(wait);
        assertTrue(wait.isQueued());
        assertTrue(page.test(PG_waiters));
        assertFalse(wait.isWoken());
    }

    @Test
    void aWaiterThatFindsTheLockFreeTakesItWithoutQueueing() {
        assertNull(Filemap.queueForPageLock(page));
        assertTrue(page.test(PG_locked));
        // PG_waiters stays set until an unlock finds nobody to wake and clears it, as in the kernel.
        assertTrue(page.test(PG_waiters));
        Filemap.unlockPage(page);
        assertEquals(0L, page.flags());
    }

    @Test
    void unlockWakesTheQueuedWaiterAndClearsWaitersWhenItWasTheLast() {
        assertTrue(Filemap.trylockPage(page));
        WaitPageQueue wait = Filemap.queueForPageLock(page);
        Filemap.unlockPage(page);
        assertTrue(wait.isWoken());
        assertFalse(wait.isQueued());
        assertFalse(page.test(PG_waiters), "no waiter left on this page's queue");
        // Without a hand-off request, the woken waiter takes the lock itself.
        assertFalse(wait.isDone());
        assertFalse(page.test(PG_locked));
    }

    @Test
    void unlockWakesOneExclusiveWaiterAtATime() {
        assertTrue(Filemap.trylockPage(page));
        WaitPageQueue first = Filemap.queueForPageLock(page);
        WaitPageQueue second = Filemap.queueForPageLock(page);
        Filemap.unlockPage(page);
        assertTrue(first.isWoken());
        assertFalse(second.isWoken());
        assertTrue(page.test(PG_waiters), "the second waiter still sleeps");
    }

    @Test
    void aWaiterOutOfPatienceGetsTheLockHandedOver() {
        assertTrue(Filemap.trylockPage(page));
        // The entry as queueOrTake builds it once sysctl_page_lock_unfairness wake-ups were stolen.
        WaitPageQueue patient = new WaitPageQueue(page, PG_locked, Thread.currentThread(), 0);
        patient.resetFlags(WaitPageQueue.WQ_FLAG_EXCLUSIVE | WaitPageQueue.WQ_FLAG_CUSTOM);
        WaitQueueHead q = map.waitTable().pageWaitqueue(page);
        q.lock().lock();
        page.set(PG_waiters);
        q.addTail(patient);
        q.lock().unlock();
        Filemap.unlockPage(page);
        assertTrue(patient.isWoken());
        assertTrue(patient.isDone(), "the waker took PG_locked for it");
        assertTrue(page.test(PG_locked));
    }

    @Test
    void aNonAtomicRewriteOfTheWordLosesTheWakeUp() {
        // Race 004 replayed in program order: the holder's __ClearPageIsolated reads the word,
        // the waiter queues (setting PG_waiters), the holder writes its stale word back.
        assertTrue(Filemap.trylockPage(page));
        page.set(PG_isolated);
        int index = map.flagIndex(page.pfn());
        long seenByHolder = map.flagWords().getOpaque(index);
        WaitPageQueue wait = Filemap.queueForPageLock(page);
        map.flagWords().setOpaque(index, seenByHolder & ~PG_isolated.mask());
        Filemap.unlockPage(page);
        assertTrue(wait.isQueued(), "still on the wait queue");
        assertFalse(wait.isWoken(), "and nobody will ever wake it");
        assertFalse(page.test(PG_locked));
    }

    @Test
    void mutualExclusionUnderContention() throws Exception {
        int threads = 4;
        int rounds = 20_000;
        int[] plainCounter = {0};
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        runThreads(threads, () -> {
            for (int i = 0; i < rounds; i++) {
                Filemap.lockPage(page);
                if (inside.incrementAndGet() != 1) {
                    overlaps.incrementAndGet();
                }
                plainCounter[0]++;
                inside.decrementAndGet();
                Filemap.unlockPage(page);
            }
        });
        assertEquals(0, overlaps.get(), "two holders at once");
        assertEquals(threads * rounds, plainCounter[0], "updates under the page lock were lost");
        assertEquals(0L, page.flags(), "PG_locked and PG_waiters both clear when nobody waits");
    }

    @Test
    void everySleeperIsWokenAndNobodyIsLeftWaiting() throws Exception {
        assertTrue(Filemap.trylockPage(page));
        int sleepers = 8;
        CountDownLatch started = new CountDownLatch(sleepers);
        List<Thread> all = new ArrayList<>();
        AtomicInteger holders = new AtomicInteger();
        for (int i = 0; i < sleepers; i++) {
            Thread t = daemon(() -> {
                started.countDown();
                Filemap.lockPage(page);
                holders.incrementAndGet();
                Filemap.unlockPage(page);
            });
            all.add(t);
            t.start();
        }
        assertTrue(started.await(JOIN_MILLIS, TimeUnit.MILLISECONDS));
        awaitAllParked(all);
        assertTrue(page.test(PG_waiters));
        Filemap.unlockPage(page);
        joinAll(all);
        assertEquals(sleepers, holders.get());
        assertEquals(0L, page.flags(), "PG_waiters cleared once the last waiter left");
    }

    @Test
    void sleepersReallyParkInsteadOfSpinning() throws Exception {
        assertTrue(Filemap.trylockPage(page));
        Thread t = daemon(() -> {
            Filemap.lockPage(page);
            Filemap.unlockPage(page);
        });
        t.start();
        awaitAllParked(List.of(t));
        assertEquals(Thread.State.WAITING, t.getState());
        Filemap.unlockPage(page);
        joinAll(List.of(t));
    }

    @Test
    void waitersOfCollidingPagesAreToldApart() {
        MemMap big = new MemMap(1024);
        Page page = big.page(3);
        Page other = collidingPage(big, page);
        assertTrue(Filemap.trylockPage(page));
        assertTrue(Filemap.trylockPage(other));
        WaitPageQueue onOther = Filemap.queueForPageLock(other);
        WaitPageQueue onPage = Filemap.queueForPageLock(page);
        Filemap.unlockPage(page);
        assertTrue(onPage.isWoken());
        assertFalse(onOther.isWoken(), "a waiter of another page on the same hashed queue stays asleep");
        assertTrue(other.test(PG_waiters));
        Filemap.unlockPage(other);
        assertTrue(onOther.isWoken());
    }

    private static Page collidingPage(MemMap big, Page page) {
        WaitQueueHead q = big.waitTable().pageWaitqueue(page);
        for (int pfn = 0; pfn < big.nrPages(); pfn++) {
            if (pfn != page.pfn() && big.waitTable().pageWaitqueue(big.page(pfn)) == q) {
                return big.page(pfn);
            }
        }
        throw new AssertionError("1024 pages in 256 queues must collide");
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r);
        t.setDaemon(true);
        return t;
    }

    private static void runThreads(int n, Runnable body) throws InterruptedException {
        List<Thread> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(daemon(body));
        }
        all.forEach(Thread::start);
        joinAll(all);
    }

    private static void joinAll(List<Thread> all) throws InterruptedException {
        for (Thread t : all) {
            t.join(JOIN_MILLIS);
            if (t.isAlive()) {
                fail("a page-lock waiter is still blocked after " + JOIN_MILLIS + " ms: lost wake-up? state "
                        + t.getState());
            }
        }
    }

    private static void awaitAllParked(List<Thread> all) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(JOIN_MILLIS);
        for (Thread t : all) {
            while (t.getState() != Thread.State.WAITING) {
                if (System.nanoTime() > deadline) {
                    fail("thread never parked: " + t.getState());
                }
                Thread.sleep(1);
            }
        }
    }
}
