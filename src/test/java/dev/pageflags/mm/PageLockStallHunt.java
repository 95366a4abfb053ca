package dev.pageflags.mm;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hunt for a lost page-lock wake-up, run directly (not by surefire) so that thousands of
 * contended runs fit in a few minutes of one JVM:
 *
 * <pre>
 * java -cp src/target/classes:src/target/test-classes dev.pageflags.mm.PageLockStallHunt THREADS ROUNDS SECONDS [collide]
 * </pre>
 *
 * <p>Each run takes a fresh MemMap, releases THREADS lockers together for ROUNDS lock/unlock rounds
 * each and waits with {@link PageLockWatchdog}. With {@code collide}, half the lockers use a second
 * page that hashes to the same wait queue, so wake-ups must skip other pages' waiters and decide
 * about PG_waiters with foreign entries still queued. The first stall prints the watchdog's dump and
 * exits 1; otherwise the totals are printed and it exits 0.
 */
public final class PageLockStallHunt {
    private PageLockStallHunt() {
    }

    public static void main(String[] args) throws InterruptedException {
        int threads = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        long seconds = Long.parseLong(args[2]);
        boolean collide = args.length > 3 && args[3].equals("collide");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long runs = 0;
        long slowestMillis = 0;
        long longestGap = 0;
        int[] over = new int[3]; // runs longer than 1 s, 5 s, 20 s (the old fixed join timeout)
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            try {
                longestGap = Math.max(longestGap, oneRun(threads, rounds, collide));
            } catch (AssertionError e) {
                System.out.println("STALL after " + runs + " good runs: " + e.getMessage());
                System.exit(1);
            }
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            slowestMillis = Math.max(slowestMillis, took);
            over[0] += took > 1_000 ? 1 : 0;
            over[1] += took > 5_000 ? 1 : 0;
            over[2] += took > 20_000 ? 1 : 0;
            runs++;
        }
        System.out.printf("ok: %d runs of %d x %d rounds%s, slowest %d ms; runs over 1/5/20 s: %d/%d/%d;"
                + " longest time without a finished round: %d ms%n", runs, threads, rounds,
                collide ? " (colliding pages)" : "", slowestMillis, over[0], over[1], over[2], longestGap);
    }

    /** One contended run; returns the longest stretch in it without a finished round. */
    private static long oneRun(int threads, int rounds, boolean collide) throws InterruptedException {
        MemMap map = new MemMap(1024);
        Page page = map.page(3);
        Page other = collide ? collidingPage(map, page) : page;
        AtomicInteger[] inside = {new AtomicInteger(), new AtomicInteger()};
        AtomicInteger overlaps = new AtomicInteger();
        PageLockWatchdog dog = new PageLockWatchdog(page);
        PageLockWatchdog dogOther = collide ? new PageLockWatchdog(other) : null;
        for (int t = 0; t < threads; t++) {
            boolean onOther = collide && (t & 1) == 1;
            Page mine = onOther ? other : page;
            AtomicInteger in = inside[onOther ? 1 : 0];
            (onOther ? dogOther : dog).spawn("locker-" + t, w -> {
                for (int i = 0; i < rounds; i++) {
                    w.phase(PageLockWatchdog.PHASE_LOCK);
                    Filemap.lockPage(mine);
                    w.phase(PageLockWatchdog.PHASE_HELD);
                    if (in.incrementAndGet() != 1) {
                        overlaps.incrementAndGet();
                    }
                    in.decrementAndGet();
                    w.phase(PageLockWatchdog.PHASE_UNLOCK);
                    Filemap.unlockPage(mine);
                    w.roundDone();
                }
            });
        }
        dog.startAll();
        if (dogOther != null) {
            dogOther.startAll();
            dogOther.awaitAll();
        }
        dog.awaitAll();
        if (dog.longestQuietMillis() > 0) {
            System.out.println("slow but moving: " + dog.longestQuietMillis() + " ms without a finished round;"
                    + " workers then:\n" + dog.slowestQuietDump());
        }
        if (overlaps.get() != 0) {
            throw new AssertionError("two holders at once: " + overlaps.get());
        }
        if (page.flags() != 0 || other.flags() != 0) {
            throw new AssertionError("flags left behind: " + PageFlag.describe(page.flags()) + " / "
                    + PageFlag.describe(other.flags()));
        }
        return Math.max(dog.longestGapMillis(), dogOther == null ? 0 : dogOther.longestGapMillis());
    }

    private static Page collidingPage(MemMap map, Page page) {
        WaitQueueHead q = map.waitTable().pageWaitqueue(page);
        for (int pfn = 0; pfn < map.nrPages(); pfn++) {
            if (pfn != page.pfn() && map.waitTable().pageWaitqueue(map.page(pfn)) == q) {
                return map.page(pfn);
            }
        }
        throw new AssertionError("1024 pages in 256 queues must collide");
    }
}
