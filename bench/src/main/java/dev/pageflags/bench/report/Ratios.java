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
    static final String JVM_FLOOR = "Model / JVM floor";
    static final String FLOOR = "Java / native floor";
    static final String LOCKS = "Page lock / Java locks";
    static final String SHARING = "Sharing";
    static final String MLOCK = "mlock / munlock paths";

    private static final String CAS_LOOP = "HotSpot has no fetch-or or fetch-and: the model's set_bit and clear_bit are"
            + " a load and a lock cmpxchg loop where the kernel has one lock or / lock and";
    private static final String SAME_LOOP = "both are a load and a lock cmpxchg loop in HotSpot (Unsafe's"
            + " getAndBitwiseOr/And is such a loop, not an intrinsic); the model's runs in release mode and reaches the"
            + " word through its AtomicLongArray";
    private static final String PLAIN_RMW = "the model reads the word opaque, ors, stores it opaque, through its"
            + " AtomicLongArray (one more dependent load than a long[]); the JvmFloorBench.atomicLongArrayPlainOr"
            + " ratios below split the two";

    private static final String HAND_OFF_MIX = "2 threads; each average mixes hand-offs and re-acquisitions in"
            + " its own proportion: read it with the handOffs, barges and parks counters (LockHandOffBench)";

    private Ratios() {
    }

    public static List<RatioSpec> all() {
        List<RatioSpec> r = new ArrayList<>();
        r.add(target(TARGETS, "__set_bit / long[] or", "FlagOpsBench.__setBit", "JvmFloorBench.longArrayOr", 1.2,
                PLAIN_RMW));
        r.add(target(TARGETS, "__clear_bit / long[] and-not", "FlagOpsBench.__clearBit",
                "JvmFloorBench.longArrayAndNot", 1.2, PLAIN_RMW));
        r.add(target(TARGETS, "set_bit / getAndBitwiseOr", "FlagOpsBench.setBit", "JvmFloorBench.getAndBitwiseOr",
                1.1, SAME_LOOP));
        r.add(target(TARGETS, "clear_bit / getAndBitwiseAnd", "FlagOpsBench.clearBit",
                "JvmFloorBench.getAndBitwiseAnd", 1.1, SAME_LOOP + "; read it with the two twin rows of \""
                        + JVM_FLOOR + "\": the model's clear_bit against its set_bit, and this floor against its"
                        + " or twin, each pair compiled to the same loop but one instruction"));
        r.add(target(TARGETS, "set_bit / lock or", "FlagOpsBench.setBit", "native:lock_or", 1.5, CAS_LOOP));
        r.add(target(TARGETS, "clear_bit / lock and", "FlagOpsBench.clearBit", "native:lock_and", 1.5,
                CAS_LOOP));
        r.add(target(TARGETS, "lock_page+unlock_page / ReentrantLock, uncontended",
                "PageLockBench.lockPageUnlockPage", "PageLockBench.reentrantLock", 1.0,
                "two locked instructions each (cmpxchg + xadd; cmpxchg + a volatile store's fence), and no more"
                        + " than x86's kernel runs: no test before the locked RMW (its lock bts; HotSpot needs a"
                        + " plain load for cmpxchg's expected value), no PageLocked check in unlock_page"
                        + " (VM_BUG_ON_PAGE is CONFIG_DEBUG_VM's); compare"
                        + " FlagOpsBench.bitLockUnlockIsNegativeBytePair, the same two instructions bare"));

        r.add(info(ATOMIC, "set_bit / __set_bit, one word", "FlagOpsBench.setBit", "FlagOpsBench.__setBit",
                "latency: each operation waits on the one before; a locked RMW also drains the store buffer"));
        r.add(info(ATOMIC, "clear_bit / __clear_bit, one word", "FlagOpsBench.clearBit", "FlagOpsBench.__clearBit",
                "as above"));
        r.add(info(ATOMIC, "set_bit / __set_bit, 64 independent lines", "IndependentWordsBench.setBit",
                "IndependentWordsBench.__setBit",
                "throughput: plain RMWs of different lines overlap, locked ones cannot"));
        r.add(info(ATOMIC, "getAndBitwiseOr / long[] or, 64 independent lines", "IndependentWordsBench.getAndBitwiseOr",
                "IndependentWordsBench.longArrayOr", "the same comparison on the JVM floor"));
        r.add(info(ATOMIC, "set_bit, 2 threads flipping bits of one word / __set_bit", "LostUpdateBench.setBit",
                "LostUpdateBench.__setBit", "contended, a test_bit before each op; the __ form loses updates:"
                        + " its lostUpdates per ops are in the atomic vs non-atomic table"));
        r.add(info(ATOMIC, "set_bit: 64 lines / one word", "IndependentWordsBench.setBit", "FlagOpsBench.setBit",
                "a locked RMW drains the store buffer whether or not the words are independent"));
        r.add(info(ATOMIC, "__set_bit: 64 lines / one word", "IndependentWordsBench.__setBit", "FlagOpsBench.__setBit",
                "plain RMWs of independent words need not wait on each other"));
        r.add(info(ATOMIC, "test_and_set/clear / __test_and_set/clear", "FlagOpsBench.testAndSetClearPair",
                "FlagOpsBench.__testAndSetClearPair", "volatile CAS loop against a plain RMW"));
        r.add(info(ATOMIC, "SetPage / __SetPage", "FlagOpsBench.pageSet", "FlagOpsBench.page__set",
                "the atomic flag op the fix of race 004 pays for"));
        r.add(info(ATOMIC, "clear_bit_unlock CAS loop / getAndAdd", "FlagOpsBench.bitLockUnlockPair",
                "FlagOpsBench.bitLockUnlockIsNegativeBytePair",
                "per op of a lock+unlock pair: load + lock cmpxchg against one lock xadd"));
        r.add(info(ATOMIC, "__SetPage checked / unchecked", "FlagOpsBench.page__setChecked",
                "FlagOpsBench.page__set", "the debug refcount check of seed 004: two more loads and branches"));

        r.add(info(JVM_FLOOR, "set_bit / getAndBitwiseOrRelease", "FlagOpsBench.setBit",
                "JvmFloorBench.getAndBitwiseOrRelease", "the same access mode as the model's release CAS loop"));
        r.add(info(JVM_FLOOR, "twins: clear_bit / set_bit", "FlagOpsBench.clearBit", "FlagOpsBench.setBit",
                "a control: one loop, and clear_bit's has one andn more (asm/set_bit.txt, asm/clear_bit.txt)"));
        r.add(info(JVM_FLOOR, "twins: getAndBitwiseAnd / getAndBitwiseOr", "JvmFloorBench.getAndBitwiseAnd",
                "JvmFloorBench.getAndBitwiseOr", "a control: one loop, and the and floor's has one not more"
                        + " (asm/floor-get_and_bitwise_or.txt, asm/floor-get_and_bitwise_and.txt); a distance"
                        + " from 1 is not in the instructions"));
        r.add(info(JVM_FLOOR, "clear_bit / getAndBitwiseOr", "FlagOpsBench.clearBit", "JvmFloorBench.getAndBitwiseOr",
                "clear_bit against set_bit's floor, its twin's loop"));
        r.add(info(JVM_FLOOR, "getAndBitwiseOr / compareAndExchange after a load", "JvmFloorBench.getAndBitwiseOr",
                "JvmFloorBench.compareAndExchange", "both a load and one lock cmpxchg when nobody interferes"));
        r.add(info(JVM_FLOOR, "__set_bit / AtomicLongArray plain or", "FlagOpsBench.__setBit",
                "JvmFloorBench.atomicLongArrayPlainOr", "the opaque access mode alone: the same array, plain mode"));
        r.add(info(JVM_FLOOR, "AtomicLongArray plain or / long[] or", "JvmFloorBench.atomicLongArrayPlainOr",
                "JvmFloorBench.longArrayOr", "the AtomicLongArray indirection alone"));
        r.add(info(JVM_FLOOR, "SetPageReferenced / set_bit", "FlagOpsBench.pageSet", "FlagOpsBench.setBit",
                "the page handle's loads"));
        r.add(info(JVM_FLOOR, "__SetPageReferenced / __set_bit", "FlagOpsBench.page__set", "FlagOpsBench.__setBit",
                "the page handle's loads and the debug-mode test"));
        r.add(info(JVM_FLOOR, "set_bit / getAndBitwiseOr, 64 independent lines", "IndependentWordsBench.setBit",
                "IndependentWordsBench.getAndBitwiseOr", "throughput, the same loop on the model's array"));
        r.add(info(JVM_FLOOR, "__set_bit / long[] or, 64 independent lines", "IndependentWordsBench.__setBit",
                "IndependentWordsBench.longArrayOr", "throughput, opaque accesses through the AtomicLongArray"));

        r.add(info(FLOOR, "long[] or / native or", "JvmFloorBench.longArrayOr", "native:plain_or",
                "the same read-modify-write on one word; the native loop has no harness around it"));
        r.add(info(FLOOR, "__set_bit / native or", "FlagOpsBench.__setBit", "native:plain_or",
                "for scale only, not a target: the native loop is the instruction alone, the Java figure includes JMH's loop"));
        r.add(info(FLOOR, "getAndBitwiseOr / native CAS loop", "JvmFloorBench.getAndBitwiseOr", "native:cas_or",
                "the same instructions; the rest is the harness"));
        r.add(info(FLOOR, "getAndAdd / lock xadd", "JvmFloorBench.getAndAdd", "native:lock_xadd",
                "one locked instruction on both sides"));
        r.add(info(FLOOR, "native CAS loop / lock or", "native:cas_or", "native:lock_or",
                "what a CAS loop costs over one locked instruction, without Java"));
        r.add(info(FLOOR, "test_and_set/clear / lock bts", "FlagOpsBench.testAndSetClearPair", "native:lock_bts",
                "volatile CAS loop (load, test, lock cmpxchg) against one lock bts"));
        r.add(info(FLOOR, "bit lock + clear_bit_unlock_is_negative_byte / lock xadd",
                "FlagOpsBench.bitLockUnlockIsNegativeBytePair", "native:lock_xadd",
                "per op: half the pair is a CAS (test_and_set_bit_lock), half a lock xadd"));
        r.add(info(FLOOR, "set_bit, 64 lines / native CAS loop, 64 lines", "IndependentWordsBench.setBit",
                "native:lines_cas_or", "throughput on both sides"));
        r.add(info(FLOOR, "long[] or, 64 lines / native or, 64 lines", "IndependentWordsBench.longArrayOr",
                "native:lines_plain_or", "throughput on both sides"));
        r.add(info(FLOOR, "native: lock or / or, 64 lines", "native:lines_lock_or", "native:lines_plain_or",
                "the hardware's own atomic / non-atomic throughput ratio"));
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
                "test_and_set_bit_lock does its locked RMW on a held bit too (x86's lock bts does); tryLock"
                        + " reads the state and returns"));
        r.add(info(LOCKS, "contended: page lock / ReentrantLock", "LockHandOffBench.pageLock",
                "LockHandOffBench.reentrantLock", HAND_OFF_MIX + "; the non-fair lock's releaser may always barge"));
        r.add(info(LOCKS, "contended: page lock / fair ReentrantLock", "LockHandOffBench.pageLock",
                "LockHandOffBench.reentrantLockFair", HAND_OFF_MIX + "; the fair lock barges past no queued waiter"));
        r.add(info(LOCKS, "contended: page lock / synchronized", "LockHandOffBench.pageLock",
                "LockHandOffBench.synchronizedBlock", HAND_OFF_MIX));
        r.add(info(LOCKS, "contended: page lock / StampedLock", "LockHandOffBench.pageLock",
                "LockHandOffBench.stampedLock", HAND_OFF_MIX));
        r.add(info(LOCKS, "page lock: contended / uncontended", "LockHandOffBench.pageLock",
                "PageLockBench.lockPageUnlockPage", "what contention adds per lock+unlock, parks and wake-ups"
                        + " spread over the re-acquisitions between them"));

        r.add(info(SHARING, "set_bit: one word, 2 threads / 1 thread", "TrueSharingBench.setBit",
                "FlagOpsBench.setBit", "true sharing: the line moves on every write"));
        r.add(info(SHARING, "__set_bit: one word, 2 threads / 1 thread", "TrueSharingBench.__setBit",
                "FlagOpsBench.__setBit", "true sharing, no lock prefix"));
        r.add(info(SHARING, "set_bit: same line / adjacent lines", "FalseSharingBench.setBit:placement=SAME_LINE",
                "FalseSharingBench.setBit:placement=ADJACENT_LINES", "false sharing of packed flag words"));
        r.add(info(SHARING, "set_bit: adjacent lines / separate pairs",
                "FalseSharingBench.setBit:placement=ADJACENT_LINES", "FalseSharingBench.setBit:placement=SEPARATE_PAIRS",
                "above 1 if the adjacent-line prefetcher's 128-byte pairs matter here"));
        r.add(info(SHARING, "__set_bit: same line / adjacent lines", "FalseSharingBench.__setBit:placement=SAME_LINE",
                "FalseSharingBench.__setBit:placement=ADJACENT_LINES", "false sharing, no lock prefix"));
        r.add(info(SHARING, "__set_bit: adjacent lines / separate pairs",
                "FalseSharingBench.__setBit:placement=ADJACENT_LINES",
                "FalseSharingBench.__setBit:placement=SEPARATE_PAIRS", "the 128-byte pair, no lock prefix"));

        r.add(info(MLOCK, "mlock+munlock round trip: 4.2 / 3.13", "MlockPathBench.v4_2", "MlockPathBench.v3_13",
                "4.2 does TestClearPageMlocked and the isolation in one lru lock hold; 3.13's isolate_lru_page takes it itself"));
        r.add(info(MLOCK, "mlock+munlock round trip: 5.18 / 4.2", "MlockPathBench.v5_18", "MlockPathBench.v4_2",
                "5.18 keeps mlock_count under the lru lock and takes no page lock"));
        r.add(info(MLOCK, "3.13 round trip / uncontended lock_page", "MlockPathBench.v3_13",
                "PageLockBench.lockPageUnlockPage", "how many page-lock costs one mlock+munlock is"));
        return r;
    }
}
