package dev.pageflags.mm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static dev.pageflags.mm.PageFlag.PG_isolated;
import static dev.pageflags.mm.PageFlag.PG_locked;
import static dev.pageflags.mm.PageFlag.PG_waiters;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The page lock, first step by step on one thread (the protocol), then with real threads
 * (exclusion, every sleeper woken, PG_waiters gone when nobody waits). Every wait is bounded:
 * a lost wake-up fails the test instead of hanging the build.
 *
 * <p>The threaded tests wait with {@link PageLockWatchdog}, which fails on a provably permanent
 * stall (every live worker parked on an entry no waker chose) within seconds, and never on mere
 * slowness. A fixed 20 s join used to fail here on a loaded 2-CPU machine without any lost
 * wake-up: once every waiter has been robbed sysctl_page_lock_unfairness times, each unlock_page
 * hands the lock to the next sleeper and the unlocker's next lock_page goes to sleep, so every
 * round costs a wake-up and a context switch: a long run on a loaded machine, with short gaps
 * between finished rounds all along ({@link PageLockStallHunt} measures both on any machine).
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FilemapTest {
    /** Bounds the single-thread joins and the waits for a thread to park; the contended runs use the watchdog. */
    private static final long JOIN_MILLIS = 20_000;

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
    void inDebugModeUnlockOfAnUnlockedPageIsABug() {
        Page checked = MemMap.builder().pages(1).debugPgflags(true).build().page(0);
        PageFlagsBug bug = assertThrows(PageFlagsBug.class, () -> Filemap.unlockPage(checked));
        assertTrue(bug.getMessage().startsWith("VM_BUG_ON_PAGE(!PageLocked(page))"), bug.getMessage());
    }

    /**
     * Without CONFIG_DEBUG_VM the kernel's unlock_page does not look at PG_locked first, and neither
     * does the model: what is left is Bitops' own Java assertion of its precondition.
     */
    @Test
    void withoutDebugModeUnlockPageDoesNotCheckPageLocked() {
        assumeTrue(Bitops.class.desiredAssertionStatus(), "needs -ea to see which check fired");
        Page unchecked = MemMap.builder().pages(1).debugPgflags(false).build().page(0);
        AssertionError e = assertThrows(AssertionError.class, () -> Filemap.unlockPage(unchecked));
        assertTrue(e.getMessage().startsWith("clear_bit_unlock_is_negative_byte on a clear bit"), e.getMessage());
    }

    @Test
    void aWaiterOnAHeldLockSetsWaitersAndQueues() {
        assertTrue(Filemap.trylockPage(page));
        WaitPageQueue wait = queue(page);
        assertNotNull(wait);
        assertTrue(wait.isQueued());
        assertTrue(page.test(PG_waiters));
        assertFalse(wait.isWoken());
    }

    @Test
    void aWaiterThatFindsTheLockFreeTakesItWithoutQueueing() {
        assertNull(queue(page));
        assertTrue(page.test(PG_locked));
        // PG_waiters stays set until an unlock finds nobody to wake and clears it, as in the kernel.
        assertTrue(page.test(PG_waiters));
        Filemap.unlockPage(page);
        assertEquals(0L, page.flags());
    }

    @Test
    void unlockWakesTheQueuedWaiterAndClearsWaitersWhenItWasTheLast() {
        assertTrue(Filemap.trylockPage(page));
        WaitPageQueue wait = queue(page);
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
        WaitPageQueue first = queue(page);
        WaitPageQueue second = queue(page);
        Filemap.unlockPage(page);
        assertTrue(first.isWoken());
        assertFalse(second.isWoken());
        assertTrue(page.test(PG_waiters), "the second waiter still sleeps");
    }

    @Test
    void aWaiterOutOfPatienceGetsTheLockHandedOver() {
        assertTrue(Filemap.trylockPage(page));
        // The entry as queueOrTake builds it once sysctl_page_lock_unfairness wake-ups were stolen.
        WaitPageQueue patient = new WaitPageQueue();
        patient.initWait(page, PG_locked, 0);
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

    /**
     * One entry, reused for more waits than a waiter has patience: each wait starts with a fresh
     * sysctl_page_lock_unfairness, so none of them asks the waker for a hand-off. An entry that kept
     * its count from the previous waits would ask on the sixth.
     */
    @Test
    void aReusedEntryStartsEveryWaitWithFullPatience() {
        WaitPageQueue wait = new WaitPageQueue();
        for (int round = 1; round <= Filemap.SYSCTL_PAGE_LOCK_UNFAIRNESS + 2; round++) {
            assertTrue(Filemap.trylockPage(page));
            assertTrue(Filemap.queueForPageLock(page, wait), "round " + round + ": queued");
            Filemap.unlockPage(page);
            assertTrue(wait.isWoken(), "round " + round + ": woken");
            assertFalse(wait.isDone(), "round " + round + ": a hand-off was asked for, patience carried over");
            // Woken without the lock: the sleeping half takes it without parking, and ends the wait.
            Filemap.sleepOnPageLock(wait);
            assertTrue(page.test(PG_locked), "round " + round + ": the woken waiter took the lock");
            assertNull(wait.page(), "round " + round + ": the entry is free again");
            Filemap.unlockPage(page);
        }
        assertEquals(0L, page.flags());
    }

    @Test
    void anEntryStillInAWaitCannotBeQueuedAgain() {
        assertTrue(Filemap.trylockPage(page));
        WaitPageQueue wait = queue(page);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Filemap.queueForPageLock(page, wait));
        assertTrue(e.getMessage().contains("still waits"), e.getMessage());
        assertTrue(wait.isQueued(), "the refused reuse left the queued entry as it was");
    }

    @Test
    void anEntryWhoseLastTrylockTookTheLockIsFreeAtOnce() {
        WaitPageQueue wait = new WaitPageQueue();
        assertFalse(Filemap.queueForPageLock(page, wait));
        assertNull(wait.page());
        Filemap.unlockPage(page);
        assertTrue(Filemap.trylockPage(page));
        assertTrue(Filemap.queueForPageLock(page, wait), "the same entry serves the next wait");
    }

    /**
     * lock_page()'s slow path allocates nothing per attempt: a thread that sleeps in it twice
     * sleeps on the same entry, as a kernel task sleeps on the same stack slot.
     */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void lockPageSleepsOnTheSameEntryEveryTime() throws Exception {
        assertTrue(Filemap.trylockPage(page));
        CountDownLatch firstDone = new CountDownLatch(1);
        CountDownLatch secondGo = new CountDownLatch(1);
        Thread t = daemon(() -> {
            Filemap.lockPage(page);
            Filemap.unlockPage(page);
            firstDone.countDown();
            awaitUninterruptibly(secondGo);
            Filemap.lockPage(page);
            Filemap.unlockPage(page);
        });
        t.start();
        awaitAllParked(List.of(t));
        Object first = LockSupport.getBlocker(t);
        Filemap.unlockPage(page);
        assertTrue(firstDone.await(JOIN_MILLIS, TimeUnit.MILLISECONDS), "first lock_page never returned");
        assertTrue(Filemap.trylockPage(page));
        secondGo.countDown();
        awaitAllParked(List.of(t));
        Object second = LockSupport.getBlocker(t);
        Filemap.unlockPage(page);
        joinAll(List.of(t));
        assertSame(first, second, "a second sleep on a fresh wait_page_queue: the slow path allocated one");
    }

    @Test
    void aNonAtomicRewriteOfTheWordLosesTheWakeUp() {
        // Race 004 replayed in program order: the holder's __ClearPageIsolated reads the word,
        // the waiter queues (setting PG_waiters), the holder writes its stale word back.
        assertTrue(Filemap.trylockPage(page));
        page.set(PG_isolated);
        int index = map.flagIndex(page.pfn());
        long seenByHolder = map.flagWords().getOpaque(index);
        WaitPageQueue wait = queue(page);
        map.flagWords().setOpaque(index, seenByHolder & ~PG_isolated.mask());
        Filemap.unlockPage(page);
        assertTrue(wait.isQueued(), "still on the wait queue");
        assertFalse(wait.isWoken(), "and nobody will ever wake it");
        assertFalse(page.test(PG_locked));
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void mutualExclusionUnderContention() throws Exception {
        // 5,000 rounds each keeps even a hand-off convoy on a loaded machine well inside the timeout.
        contend(4, 5_000);
    }

    /** As many lockers as the 2-CPU CI machine has CPUs, so a waker and its waiter can really run at once. */
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void mutualExclusionUnderContentionTwoThreads() throws Exception {
        contend(2, 10_000);
    }

    /**
     * The watchdog must be able to fail: race 004 replayed with a real sleeper. The holder's stale
     * write-back drops PG_waiters, so its unlock_page takes the fast path and the sleeper stays
     * parked with nobody left to wake it; that must be reported as a lost wake-up within seconds.
     */
    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void theWatchdogReportsARealLostWakeUp() throws Exception {
        assertTrue(Filemap.trylockPage(page));
        int index = map.flagIndex(page.pfn());
        long seenByHolder = map.flagWords().getOpaque(index);
        PageLockWatchdog dog = new PageLockWatchdog(page).windows(200, 200, 30_000);
        PageLockWatchdog.Worker sleeper = dog.spawn("sleeper", w -> {
            w.phase(PageLockWatchdog.PHASE_LOCK);
            Filemap.lockPage(page);
            w.phase(PageLockWatchdog.PHASE_UNLOCK);
            Filemap.unlockPage(page);
            w.roundDone();
        });
        dog.startAll();
        awaitAllParked(List.of(sleeper.thread));
        map.flagWords().setOpaque(index, seenByHolder);
        Filemap.unlockPage(page);

        AssertionError stall = assertThrows(AssertionError.class, dog::awaitAll);
        assertTrue(stall.getMessage().startsWith(
                "lost wake-up: page unlocked, PG_waiters=0, 1 waiters queued, 1 parked unwoken"), stall.getMessage());

        // Rescue the sleeper as the next unlocker would have: PG_waiters back, then a slow-path unlock.
        assertTrue(Filemap.trylockPage(page));
        page.set(PG_waiters);
        Filemap.unlockPage(page);
        joinAll(List.of(sleeper.thread));
    }

    /**
     * {@code threads} lockers, released together, each taking and dropping the page lock
     * {@code rounds} times; a plain counter under the lock checks exclusion. The watchdog fails the
     * test on a provable lost wake-up, not on a slow machine.
     */
    private void contend(int threads, int rounds) throws InterruptedException {
        int[] plainCounter = {0};
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        PageLockWatchdog dog = new PageLockWatchdog(page);
        for (int t = 0; t < threads; t++) {
            dog.spawn("locker-" + t, w -> {
                for (int i = 0; i < rounds; i++) {
                    w.phase(PageLockWatchdog.PHASE_LOCK);
                    Filemap.lockPage(page);
                    w.phase(PageLockWatchdog.PHASE_HELD);
                    if (inside.incrementAndGet() != 1) {
                        overlaps.incrementAndGet();
                    }
                    plainCounter[0]++;
                    inside.decrementAndGet();
                    w.phase(PageLockWatchdog.PHASE_UNLOCK);
                    Filemap.unlockPage(page);
                    w.roundDone();
                }
            });
        }
        dog.startAll();
        dog.awaitAll();
        assertEquals(0, overlaps.get(), "two holders at once");
        assertEquals(threads * rounds, plainCounter[0], "updates under the page lock were lost");
        assertEquals(0L, page.flags(), "PG_locked and PG_waiters both clear when nobody waits");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void everySleeperIsWokenAndNobodyIsLeftWaiting() throws Exception {
        assertTrue(Filemap.trylockPage(page));
        int sleepers = 8;
        List<Thread> all = new ArrayList<>();
        AtomicInteger holders = new AtomicInteger();
        PageLockWatchdog dog = new PageLockWatchdog(page);
        for (int i = 0; i < sleepers; i++) {
            all.add(dog.spawn("sleeper-" + i, w -> {
                w.phase(PageLockWatchdog.PHASE_LOCK);
                Filemap.lockPage(page);
                w.phase(PageLockWatchdog.PHASE_HELD);
                holders.incrementAndGet();
                w.phase(PageLockWatchdog.PHASE_UNLOCK);
                Filemap.unlockPage(page);
                w.roundDone();
            }).thread);
        }
        dog.startAll();
        awaitAllParked(all);
        assertTrue(page.test(PG_waiters));
        Filemap.unlockPage(page);
        dog.awaitAll();
        assertEquals(sleepers, holders.get());
        assertEquals(0L, page.flags(), "PG_waiters cleared once the last waiter left");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
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
        WaitPageQueue onOther = queue(other);
        WaitPageQueue onPage = queue(page);
        Filemap.unlockPage(page);
        assertTrue(onPage.isWoken());
        assertFalse(onOther.isWoken(), "a waiter of another page on the same hashed queue stays asleep");
        assertTrue(other.test(PG_waiters));
        Filemap.unlockPage(other);
        assertTrue(onOther.isWoken());
    }

    /** The split lock_page of a task with its own entry: the entry when queued, null when it took the lock. */
    private static WaitPageQueue queue(Page page) {
        WaitPageQueue wait = new WaitPageQueue();
        return Filemap.queueForPageLock(page, wait) ? wait : null;
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        while (true) {
            try {
                latch.await();
                return;
            } catch (InterruptedException e) {
                // lock_page is uninterruptible; so is this test's sequencing.
            }
        }
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

    private static void joinAll(List<Thread> all) throws InterruptedException {
        for (Thread t : all) {
            t.join(JOIN_MILLIS);
            if (t.isAlive()) {
                fail("a page-lock waiter is still blocked after " + JOIN_MILLIS + " ms: lost wake-up? state "
                        + t.getState());
            }
        }
    }

    /** Waits until each thread sleeps in sleepOnPageLock: parked with a WaitPageQueue as its blocker. */
    private static void awaitAllParked(List<Thread> all) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(JOIN_MILLIS);
        for (Thread t : all) {
            // WAITING alone could be a start latch; the blocker says it is the page lock it sleeps on.
            while (t.getState() != Thread.State.WAITING || !(LockSupport.getBlocker(t) instanceof WaitPageQueue)) {
                if (System.nanoTime() > deadline) {
                    fail("thread never parked on the page lock: " + t.getState());
                }
                Thread.sleep(1);
            }
        }
    }
}
