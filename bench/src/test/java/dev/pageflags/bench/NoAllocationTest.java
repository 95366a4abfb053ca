package dev.pageflags.bench;

import dev.pageflags.mm.Filemap;
import dev.pageflags.mm.WaitPageQueue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The page lock benchmarks allocate nothing per operation, or GC would be inside their figures:
 * neither the one-thread paths of {@link PageLockBench} nor the contended page lock of
 * {@link LockHandOffBench}, whose waiters park on a reused {@code wait_page_queue}. Read from the
 * JVM's count of bytes each thread allocated; a call that allocated even one small object (16
 * bytes or more) each time would show as at least 16 bytes per call.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NoAllocationTest {
    private static final int WARM_UP = 20_000;
    private static final int CALLS = 100_000;
    private static final int SLEEPS = 1_000;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** One benchmark call, its result folded into a long so nothing is boxed. */
    private interface Call {
        long run();
    }

    @BeforeAll
    static void allocationCounterAvailable() {
        assumeTrue(THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled(),
                "this JVM does not count allocated bytes per thread");
    }

    @Test
    void pageLockBenchAllocatesNothingPerCall() throws Exception {
        PageLockBench bench = new PageLockBench();
        PageLockBench.Free free = new PageLockBench.Free();
        free.setUp();
        PageLockBench.Held held = new PageLockBench.Held();
        held.setUp();
        Map<String, Call> calls = new LinkedHashMap<>();
        calls.put("lockPageUnlockPage", () -> bench.lockPageUnlockPage(free));
        calls.put("reentrantLock", () -> bench.reentrantLock(free));
        calls.put("synchronizedBlock", () -> bench.synchronizedBlock(free));
        calls.put("stampedLock", () -> bench.stampedLock(free));
        calls.put("spinLock", () -> bench.spinLock(free));
        calls.put("trylockPageFails", () -> bench.trylockPageFails(held) ? 1 : 0);
        calls.put("reentrantTryLockFails", () -> bench.reentrantTryLockFails(held) ? 1 : 0);
        calls.put("stampedTryWriteLockFails", () -> bench.stampedTryWriteLockFails(held));
        calls.put("spinTrylockFails", () -> bench.spinTrylockFails(held) ? 1 : 0);
        for (Map.Entry<String, Call> c : calls.entrySet()) {
            repeat(c.getValue(), WARM_UP);
            long before = THREADS.getCurrentThreadAllocatedBytes();
            repeat(c.getValue(), CALLS);
            long bytes = THREADS.getCurrentThreadAllocatedBytes() - before;
            assertTrue(bytes < CALLS, "PageLockBench." + c.getKey() + " allocated " + bytes + " bytes in "
                    + CALLS + " calls");
        }
    }

    /**
     * The page lock's slow path, taken on purpose: each round the test thread holds the page, lets
     * thread B call {@code LockHandOffBench.pageLockB}, waits until B sleeps in it, and unlocks.
     * Each of B's calls is a trip through queueing, a park and a wake-up, which in the kernel costs
     * a stack slot and here must cost nothing either, once B has its entry.
     */
    @Test
    void contendedPageLockAllocatesNothingPerSleep() throws Exception {
        LockHandOffBench bench = new LockHandOffBench();
        bench.setUp();
        HandOffTally tb = new HandOffTally();
        AtomicInteger go = new AtomicInteger(-1);
        AtomicInteger done = new AtomicInteger(-1);
        AtomicLong bytes = new AtomicLong();
        Thread b = new Thread(() -> {
            for (int round = 0; round < SLEEPS + 10; round++) {
                if (round == 10) { // the first rounds made B's entry and warmed the path up
                    tb.start();
                    bytes.set(THREADS.getCurrentThreadAllocatedBytes());
                }
                while (go.get() != round) {
                    Thread.onSpinWait();
                }
                bench.pageLockB(tb);
                done.set(round);
            }
            bytes.set(THREADS.getCurrentThreadAllocatedBytes() - bytes.get());
            tb.stop();
        }, "thread-B");
        b.setDaemon(true);
        b.start();
        for (int round = 0; round < SLEEPS + 10; round++) {
            Filemap.lockPage(bench.page);
            go.set(round);
            awaitParkedOnThePage(b);
            Filemap.unlockPage(bench.page);
            while (done.get() != round) {
                Thread.onSpinWait();
            }
        }
        b.join(TimeUnit.SECONDS.toMillis(30));
        assertTrue(!b.isAlive(), "thread B did not finish");
        assertTrue(tb.parks >= SLEEPS, "B parked only " + tb.parks + " times in " + SLEEPS + " rounds");
        assertTrue(bytes.get() < SLEEPS, "B allocated " + bytes.get() + " bytes in " + SLEEPS
                + " sleeps on the page lock: an object per trip through the slow path?");
    }

    private static void awaitParkedOnThePage(Thread t) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (t.getState() != Thread.State.WAITING || !(LockSupport.getBlocker(t) instanceof WaitPageQueue)) {
            assertTrue(System.nanoTime() < deadline, "thread B never slept on the page lock: " + t.getState());
            Thread.onSpinWait();
        }
    }

    private static void repeat(Call call, int n) {
        long sink = 0;
        for (int i = 0; i < n; i++) {
            sink += call.run();
        }
        if (sink == 42) {
            System.out.print("");
        }
    }
}
