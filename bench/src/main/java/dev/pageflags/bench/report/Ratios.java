package dev.pageflags.bench.report;

import java.util.ArrayList;
import java.util.List;

import static dev.pageflags.bench.report.RatioSpec.info;
import static dev.pageflags.bench.report.RatioSpec.target;

/**
 * The ratios the report shows, with the targets. The ids name benchmarks of this module
 * (a unit test checks each one exists) and native floor instructions.
 */
public final class Ratios {
    static final String TARGETS = "Targets";
    static final String ATOMIC = "Atomic / non-atomic";
    static final String FLOOR = "Java / native floor";
    static final String LOCKS = "Page lock / Java locks";
    static final String SHARING = "Sharing";
    static final String MLOCK = "mlock / munlock paths";

    private static final String CAS_LOOP = "a CAS loop (load, then lock cmpxchg) where the kernel has one lock or;"
            + " plus JMH's per-call cost (FlagOpsBench.baseline)";
    private static final String PLAIN_RMW = "opaque load, or, opaque store through the AtomicLongArray (state loads,"
            + " bounds check); the harness's own per-call cost (FlagOpsBench.baseline) is of the order of one plain or";

    private Ratios() {
    }

    public static List<RatioSpec> all() {
        List<RatioSpec> r = new ArrayList<>();
        r.add(target(TARGETS, "set_bit / lock or", "FlagOpsBench.setBit", "native:lock_or", 1.5, CAS_LOOP));
        r.add(target(TARGETS, "clear_bit / lock or", "FlagOpsBench.clearBit", "native:lock_or", 1.5, CAS_LOOP));
        r.add(target(TARGETS, "SetPageReferenced / lock or", "FlagOpsBench.pageSet", "native:lock_or", 1.5,
                CAS_LOOP + "; plus the page handle's loads"));
        r.add(target(TARGETS, "ClearPageReferenced / lock or", "FlagOpsBench.pageClear", "native:lock_or", 1.5,
                CAS_LOOP + "; plus the page handle's loads"));
        r.add(target(TARGETS, "__set_bit / plain or", "FlagOpsBench.__setBit", "native:plain_or", 1.5, PLAIN_RMW));
        r.add(target(TARGETS, "__clear_bit / plain or", "FlagOpsBench.__clearBit", "native:plain_or", 1.5, PLAIN_RMW));
        r.add(target(TARGETS, "__SetPageReferenced / plain or", "FlagOpsBench.page__set", "native:plain_or", 1.5,
                PLAIN_RMW + "; plus the handle's loads and the debug-mode test"));
        r.add(target(TARGETS, "__ClearPageReferenced / plain or", "FlagOpsBench.page__clear", "native:plain_or", 1.5,
                PLAIN_RMW + "; plus the handle's loads and the debug-mode test"));
        r.add(target(TARGETS, "lock_page+unlock_page / ReentrantLock, uncontended",
                "PageLockBench.lockPageUnlockPage", "PageLockBench.reentrantLock", 1.0,
                "two locked instructions each (cmpxchg + xadd; cmpxchg + a volatile store's fence); the rest is"
                        + " what the kernel's code does too: test_and_set_bit_lock reads the word before its CAS,"
                        + " unlock_page checks PageLocked before its xadd (compare"
                        + " FlagOpsBench.bitLockUnlockIsNegativeBytePair, the same two instructions bare)"));

        r.add(info(ATOMIC, "set_bit / __set_bit", "FlagOpsBench.setBit", "FlagOpsBench.__setBit",
                "a locked RMW drains the store buffer; a plain one does not"));
        r.add(info(ATOMIC, "clear_bit / __clear_bit", "FlagOpsBench.clearBit", "FlagOpsBench.__clearBit",
                "as above"));
        r.add(info(ATOMIC, "test_and_set/clear / __test_and_set/clear", "FlagOpsBench.testAndSetClearPair",
                "FlagOpsBench.__testAndSetClearPair", "volatile CAS loop against a plain RMW"));
        r.add(info(ATOMIC, "SetPage / __SetPage", "FlagOpsBench.pageSet", "FlagOpsBench.page__set",
                "the atomic flag op the fix of race 004 pays for"));
        r.add(info(ATOMIC, "clear_bit_unlock CAS loop / getAndAdd", "FlagOpsBench.bitLockUnlockPair",
                "FlagOpsBench.bitLockUnlockIsNegativeBytePair",
                "per op of a lock+unlock pair: load + lock cmpxchg against one lock xadd"));
        r.add(info(ATOMIC, "__SetPage checked / unchecked", "FlagOpsBench.page__setChecked",
                "FlagOpsBench.page__set", "the debug refcount check of seed 004: two more loads and branches"));

        r.add(info(FLOOR, "test_and_set/clear / lock bts", "FlagOpsBench.testAndSetClearPair", "native:lock_bts",
                "volatile CAS loop (load, test, lock cmpxchg) against one lock bts"));
        r.add(info(FLOOR, "bit lock + clear_bit_unlock_is_negative_byte / lock xadd",
                "FlagOpsBench.bitLockUnlockIsNegativeBytePair", "native:lock_xadd",
                "per op: half the pair is a CAS (test_and_set_bit_lock), half a lock xadd"));
        r.add(info(FLOOR, "set_bit / native CAS loop", "FlagOpsBench.setBit", "native:cas_or",
                "the same instructions on the metal: what is left is Java's and JMH's overhead"));
        r.add(info(FLOOR, "native CAS loop / lock or", "native:cas_or", "native:lock_or",
                "what a CAS loop costs over one locked instruction, without Java"));
        r.add(info(FLOOR, "JMH baseline / plain or", "FlagOpsBench.baseline", "native:plain_or",
                "the benchmark loop alone, for scale"));
        r.add(info(FLOOR, "smp_mb() / lock addl $0,-64(rsp)", "FenceBench.smpMb", "native:lock_add_stack",
                "HotSpot's x86 fullFence is this locked add to the stack"));
        r.add(info(FLOOR, "smp_mb() / mfence", "FenceBench.smpMb", "native:mfence",
                "the kernel's smp_mb() on x86-64 is a locked add too (since 4.15); mfence is the older, slower form"));
        r.add(info(FLOOR, "set_bit+smp_mb+test / set_bit+test", "FenceBench.setBitSmpMbTestBit",
                "FenceBench.setBitTestBit", "the extra cost of race 003's fix in the model"));

        r.add(info(LOCKS, "lock_page / synchronized", "PageLockBench.lockPageUnlockPage",
                "PageLockBench.synchronizedBlock", "uncontended"));
        r.add(info(LOCKS, "lock_page / StampedLock", "PageLockBench.lockPageUnlockPage",
                "PageLockBench.stampedLock", "uncontended"));
        r.add(info(LOCKS, "lock_page / spin_lock", "PageLockBench.lockPageUnlockPage", "PageLockBench.spinLock",
                "uncontended; spin_unlock is a plain release store, unlock_page a lock xadd"));
        r.add(info(LOCKS, "failed trylock_page / failed ReentrantLock.tryLock", "PageLockBench.trylockPageFails",
                "PageLockBench.reentrantTryLockFails",
                "the model's test_and_set_bit_lock reads first and returns without a locked op"));
        r.add(info(LOCKS, "hand-off: page lock / ReentrantLock", "LockHandOffBench.pageLock",
                "LockHandOffBench.reentrantLock",
                "2 threads; the page lock queues, parks and wakes; a non-fair lock lets the releaser barge"));
        r.add(info(LOCKS, "hand-off: page lock / fair ReentrantLock", "LockHandOffBench.pageLock",
                "LockHandOffBench.reentrantLockFair", "2 threads, both locks park the waiter"));
        r.add(info(LOCKS, "hand-off: page lock / synchronized", "LockHandOffBench.pageLock",
                "LockHandOffBench.synchronizedBlock", "2 threads"));
        r.add(info(LOCKS, "hand-off: page lock / StampedLock", "LockHandOffBench.pageLock",
                "LockHandOffBench.stampedLock", "2 threads"));
        r.add(info(LOCKS, "page lock: contended / uncontended", "LockHandOffBench.pageLock",
                "PageLockBench.lockPageUnlockPage", "what parking and waking cost per lock+unlock"));

        r.add(info(SHARING, "set_bit: one word, 2 threads / 1 thread", "TrueSharingBench.setBit",
                "FlagOpsBench.setBit", "true sharing: the line moves on every write"));
        r.add(info(SHARING, "__set_bit: one word, 2 threads / 1 thread", "TrueSharingBench.__setBit",
                "FlagOpsBench.__setBit", "true sharing, no lock prefix"));
        r.add(info(SHARING, "set_bit: same line / 64 B apart", "FalseSharingBench.setBit:wordsPerPage=1",
                "FalseSharingBench.setBit:wordsPerPage=8", "false sharing of packed flag words"));
        r.add(info(SHARING, "set_bit: same line / 128 B apart", "FalseSharingBench.setBit:wordsPerPage=1",
                "FalseSharingBench.setBit:wordsPerPage=16", "false sharing, beyond the adjacent-line pair"));
        r.add(info(SHARING, "__set_bit: same line / 64 B apart", "FalseSharingBench.__setBit:wordsPerPage=1",
                "FalseSharingBench.__setBit:wordsPerPage=8", "false sharing, no lock prefix"));
        r.add(info(SHARING, "__set_bit: same line / 128 B apart", "FalseSharingBench.__setBit:wordsPerPage=1",
                "FalseSharingBench.__setBit:wordsPerPage=16", "false sharing, no lock prefix"));

        r.add(info(MLOCK, "mlock+munlock round trip: 4.2 / 3.13", "MlockPathBench.v4_2", "MlockPathBench.v3_13",
                "4.2 does TestClearPageMlocked and the isolation in one lru lock hold; 3.13's isolate_lru_page takes it itself"));
        r.add(info(MLOCK, "mlock+munlock round trip: 5.18 / 4.2", "MlockPathBench.v5_18", "MlockPathBench.v4_2",
                "5.18 keeps mlock_count under the lru lock and takes no page lock"));
        r.add(info(MLOCK, "3.13 round trip / uncontended lock_page", "MlockPathBench.v3_13",
                "PageLockBench.lockPageUnlockPage", "how many page-lock costs one mlock+munlock is"));
        return r;
    }
}
