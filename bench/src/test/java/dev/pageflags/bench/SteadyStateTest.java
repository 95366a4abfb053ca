package dev.pageflags.bench;

import dev.pageflags.mm.Page;
import dev.pageflags.mm.PageFlag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A benchmark that repeats one invocation must leave its state as it found it, or later
 * invocations measure something else (a page that drifted off its list, a lock left held).
 */
class SteadyStateTest {
    private static final Blackhole BH = new Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

    /** Flags, LRU list, refcount and mapcount: what a round trip must restore. */
    private static String snapshot(Page page) {
        return PageFlag.describe(page.flags()) + " lru=" + page.lru() + " ref=" + page.refcount()
                + " map=" + page.mapcount() + " mlockCount=" + page.mlockCount;
    }

    private static <S> void assertRoundTrip(S state, Page page, Consumer<S> invocation) {
        invocation.accept(state); // the first one may settle the state
        String before = snapshot(page);
        for (int i = 0; i < 3; i++) {
            invocation.accept(state);
            assertEquals(before, snapshot(page), "after invocation " + (i + 2));
        }
    }

    @Test
    void mlockPathsReturnThePageToWhereTheyFoundIt() {
        MlockPathBench bench = new MlockPathBench();
        MlockPathBench.OldEra old = new MlockPathBench.OldEra();
        old.setUp();
        assertRoundTrip(old, old.page, bench::v3_13);
        assertRoundTrip(old, old.page, bench::v4_2);
        assertFalse(old.page.test(PageFlag.PG_mlocked));
        assertFalse(old.page.test(PageFlag.PG_locked));
        MlockPathBench.Era518 era = new MlockPathBench.Era518();
        era.setUp();
        assertRoundTrip(era, era.page, bench::v5_18);
        assertFalse(era.page.test(PageFlag.PG_mlocked));
    }

    @Test
    void flagPairsAndLockPairsLeaveTheWordAsItWas() {
        FlagOpsBench bench = new FlagOpsBench();
        bench.setUp();
        long before = bench.baseline().get(0);
        bench.testAndSetClearPair(BH);
        bench.bitLockUnlockPair(BH);
        bench.bitLockUnlockIsNegativeBytePair(BH);
        bench.__testAndSetClearPair(BH);
        assertEquals(before, bench.baseline().get(0));
    }

    @Test
    void uncontendedLocksAreFreeAfterEachInvocationAndHeldLocksStayHeld() throws Exception {
        PageLockBench bench = new PageLockBench();
        PageLockBench.Free free = new PageLockBench.Free();
        free.setUp();
        for (int i = 0; i < 3; i++) {
            bench.lockPageUnlockPage(free);
            bench.reentrantLock(free);
            bench.synchronizedBlock(free);
            bench.stampedLock(free);
            bench.spinLock(free);
        }
        assertEquals(15, free.counter);
        assertFalse(free.page.test(PageFlag.PG_locked));
        PageLockBench.Held held = new PageLockBench.Held();
        held.setUp(); // checks itself that every lock is held
        for (int i = 0; i < 3; i++) {
            assertFalse(bench.trylockPageFails(held));
            assertFalse(bench.reentrantTryLockFails(held));
            assertEquals(0, bench.stampedTryWriteLockFails(held));
            assertFalse(bench.spinTrylockFails(held));
        }
    }

    @Test
    void contendedHandOffKeepsMutualExclusionAndNeverHangs() {
        LockHandOffBench bench = new LockHandOffBench();
        bench.setUp();
        HandOffTally ta = new HandOffTally();
        HandOffTally tb = new HandOffTally();
        // One lock at a time: the groups share the counter, each guards it with its own lock.
        // Each race is 40,000 increments, then one more call reads the counter.
        assertEquals(40_001, race(() -> bench.pageLockA(ta), () -> bench.pageLockB(tb)));
        assertEquals(80_002, race(() -> bench.reentrantLockFairA(ta), () -> bench.reentrantLockFairB(tb)));
        assertEquals(80_002, ta.ops + tb.ops, "every call counted once");
    }

    /** Two threads, 20,000 calls each; returns what one more call of {@code a} returns. */
    private static int race(IntSupplier a, IntSupplier b) {
        return assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<?> fa = pool.submit(() -> repeat(a));
                Future<?> fb = pool.submit(() -> repeat(b));
                fa.get();
                fb.get();
            } finally {
                pool.shutdownNow();
            }
            return a.getAsInt();
        });
    }

    private static void repeat(IntSupplier op) {
        for (int i = 0; i < 20_000; i++) {
            op.getAsInt();
        }
    }
}
