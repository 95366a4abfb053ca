package dev.pageflags.bench.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What each benchmark and each report section is about, in a reader's words, for the tables. Keyed
 * by the id without {@code @Param}s; a unit test checks that every benchmark has an entry.
 */
public final class Catalog {
    private static final Map<String, String> SECTIONS = new LinkedHashMap<>();
    private static final Map<String, String> BENCHMARKS = new LinkedHashMap<>();

    static {
        section("FlagOpsBench", "One thread, its own page: every operation updates one word that stays in this core's"
                + " cache, each waiting on the one before (latency).");
        bench("FlagOpsBench.baseline", "JMH loop + a field read, nothing else (for reference; no figure is corrected by it)");
        bench("FlagOpsBench.setBit", "set_bit: release CAS loop");
        bench("FlagOpsBench.clearBit", "clear_bit: release CAS loop");
        bench("FlagOpsBench.testAndSetClearPair", "test_and_set_bit + test_and_clear_bit, per op");
        bench("FlagOpsBench.testAndSetBitAlreadySet", "test_and_set_bit on a set bit: early return");
        bench("FlagOpsBench.bitLockUnlockPair", "test_and_set_bit_lock + clear_bit_unlock (CAS loop), per op");
        bench("FlagOpsBench.bitLockUnlockIsNegativeBytePair",
                "test_and_set_bit_lock + clear_bit_unlock_is_negative_byte (getAndAdd), per op");
        bench("FlagOpsBench.__setBit", "__set_bit: opaque load, or, opaque store");
        bench("FlagOpsBench.__clearBit", "__clear_bit");
        bench("FlagOpsBench.__testAndSetClearPair", "__test_and_set_bit + __test_and_clear_bit, per op");
        bench("FlagOpsBench.pageSet", "SetPageReferenced(page)");
        bench("FlagOpsBench.pageClear", "ClearPageReferenced(page)");
        bench("FlagOpsBench.page__set", "__SetPageReferenced(page), debug check off");
        bench("FlagOpsBench.page__clear", "__ClearPageReferenced(page), debug check off");
        bench("FlagOpsBench.page__setChecked", "__SetPageReferenced(page) with the debug refcount check");

        section("JvmFloorBench", "The JVM floor: the same harness and state shape as FlagOpsBench, the best Java"
                + " offers for each operation on a long[] element.");
        bench("JvmFloorBench.longArrayOr", "long[]: w[i] |= m");
        bench("JvmFloorBench.longArrayAndNot", "long[]: w[i] &= ~m");
        bench("JvmFloorBench.atomicLongArrayPlainOr", "AtomicLongArray: setPlain(i, getPlain(i) | m), the model's array");
        bench("JvmFloorBench.getAndBitwiseOr", "VarHandle getAndBitwiseOr (volatile)");
        bench("JvmFloorBench.getAndBitwiseOrRelease", "VarHandle getAndBitwiseOrRelease");
        bench("JvmFloorBench.getAndBitwiseAnd", "VarHandle getAndBitwiseAnd (volatile)");
        bench("JvmFloorBench.getAndAdd", "VarHandle getAndAdd (volatile)");
        bench("JvmFloorBench.compareAndExchange", "plain load, then VarHandle compareAndExchange (volatile)");

        section("IndependentWordsBench", "One thread, 64 pages in turn, each flag word alone on its line:"
                + " no operation waits on the one before (throughput).");
        bench("IndependentWordsBench.setBit", "set_bit on each page in turn, per op");
        bench("IndependentWordsBench.__setBit", "__set_bit on each page in turn, per op");
        bench("IndependentWordsBench.longArrayOr", "long[] w[i] |= m over the same layout, per op");
        bench("IndependentWordsBench.getAndBitwiseOr", "VarHandle getAndBitwiseOr over the same layout, per op");

        section("TrueSharingBench", "Two threads, two flags of one page: one word, true sharing.");
        bench("TrueSharingBench.setBit", "set_bit, each thread its own bit");
        bench("TrueSharingBench.__setBit", "__set_bit, each thread its own bit (updates get lost)");
        bench("TrueSharingBench.testAndSetClearPair", "test_and_set_bit + test_and_clear_bit, per op");

        section("LostUpdateBench", "Two threads, each flipping its own flag of one word and checking it before"
                + " every operation: counters ops and lostUpdates (a check that found its bit undone).");
        bench("LostUpdateBench.setBit", "set_bit / clear_bit, a test_bit before each, per op");
        bench("LostUpdateBench.__setBit", "__set_bit / __clear_bit, a test_bit before each, per op");

        section("FalseSharingBench", "Two threads, one page each, the words placed and checked: SAME_LINE, "
                + "ADJACENT_LINES (one 128-byte pair), SEPARATE_PAIRS.");
        bench("FalseSharingBench.setBit", "set_bit on its own page");
        bench("FalseSharingBench.__setBit", "__set_bit on its own page");

        section("PageLockBench", "One thread, uncontended; every critical section increments a counter.");
        bench("PageLockBench.lockPageUnlockPage", "lock_page + unlock_page");
        bench("PageLockBench.reentrantLock", "ReentrantLock lock + unlock");
        bench("PageLockBench.synchronizedBlock", "synchronized block");
        bench("PageLockBench.stampedLock", "StampedLock writeLock + unlockWrite");
        bench("PageLockBench.spinLock", "the model's spin_lock + spin_unlock");
        bench("PageLockBench.trylockPageFails", "trylock_page on a locked page");
        bench("PageLockBench.reentrantTryLockFails", "ReentrantLock.tryLock held by another thread");
        bench("PageLockBench.stampedTryWriteLockFails", "StampedLock.tryWriteLock when write-locked");
        bench("PageLockBench.spinTrylockFails", "spin_trylock on a held spinlock");

        section("LockHandOffBench", "Two threads, one lock, nothing outside it: contended lock + unlock.");
        bench("LockHandOffBench.pageLock", "lock_page + unlock_page (queue, park, wake)");
        bench("LockHandOffBench.reentrantLock", "ReentrantLock, non-fair");
        bench("LockHandOffBench.reentrantLockFair", "ReentrantLock, fair");
        bench("LockHandOffBench.synchronizedBlock", "synchronized block");
        bench("LockHandOffBench.stampedLock", "StampedLock write lock");

        section("FenceBench", "smp_mb() as VarHandle.fullFence().");
        bench("FenceBench.smpMb", "smp_mb() alone");
        bench("FenceBench.setBitTestBit", "set_bit in one word, test_bit in another (race 003, broken)");
        bench("FenceBench.setBitSmpMbTestBit", "set_bit, smp_mb(), test_bit (race 003, fixed)");

        section("MlockPathBench", "The scenarios' mlock / munlock paths, one page, mlock then munlock.");
        bench("MlockPathBench.v3_13", "3.13: mlock_vma_page + munlock_vma_page (race 000's era)");
        bench("MlockPathBench.v4_2", "4.2: mlock_vma_page + munlock_vma_page (race 001's era)");
        bench("MlockPathBench.v5_18", "5.18: mlock_page + munlock_page with mlock_count (race 002's era)");
    }

    private Catalog() {
    }

    private static void section(String name, String text) {
        SECTIONS.put(name, text);
    }

    private static void bench(String id, String text) {
        BENCHMARKS.put(id, text);
    }

    /** The section's one-line question, or "" for a class this catalog does not know. */
    public static String section(String name) {
        return SECTIONS.getOrDefault(name, "");
    }

    /** What a benchmark measures, looked up without its {@code :params} suffix; "" when unknown. */
    public static String describe(String id) {
        return BENCHMARKS.getOrDefault(withoutParams(id), "");
    }

    /**
     * Where a result goes in the report: the catalog's order (sections as the questions build on each
     * other, not alphabetically as JMH sorts them); unknown ids after all known ones.
     */
    public static int order(String id) {
        String key = withoutParams(id);
        int i = 0;
        for (String known : BENCHMARKS.keySet()) {
            if (known.equals(key)) {
                return i;
            }
            i++;
        }
        return Integer.MAX_VALUE;
    }

    private static String withoutParams(String id) {
        int colon = id.indexOf(':');
        return colon < 0 ? id : id.substring(0, colon);
    }
}
