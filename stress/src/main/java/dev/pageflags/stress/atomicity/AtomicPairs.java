package dev.pageflags.stress.atomicity;

import dev.pageflags.stress.AtomicityPair;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZ_Result;

import static dev.pageflags.stress.atomicity.BitOp.CLEAR_BIT;
import static dev.pageflags.stress.atomicity.BitOp.CLEAR_BIT_UNLOCK;
import static dev.pageflags.stress.atomicity.BitOp.CLEAR_BIT_UNLOCK_IS_NEGATIVE_BYTE;
import static dev.pageflags.stress.atomicity.BitOp.SET_BIT;
import static dev.pageflags.stress.atomicity.BitOp.TEST_AND_CLEAR_BIT;
import static dev.pageflags.stress.atomicity.BitOp.TEST_AND_SET_BIT;
import static dev.pageflags.stress.atomicity.BitOp.TEST_AND_SET_BIT_LOCK;

/*
 * Every pair of the model's atomic bit operations, op1 on PG_locked and op2 on PG_waiters of one
 * flags word: neither may lose or resurrect the other's bit. Each operation is one atomic
 * read-modify-write of the whole word (a CAS loop, or getAndAdd for
 * clear_bit_unlock_is_negative_byte), so a write of the other bit between its read and its write
 * makes it retry instead of overwriting. Seeing OP1_LOST or OP2_LOST means an operation of
 * dev.pageflags.mm.Bitops is not atomic.
 *
 * The default budget runs each atomic operation against set_bit(PG_waiters), the update lock_page()
 * makes while someone else holds the page lock (7 tests). The rest of the matrix, every unordered
 * pair, is toughOnly.
 *
 * How to run: java -jar stress/target/jcstress.jar -t 'atomicity.AtomicPairs' -sc false \
 *   -jvmArgs -XX:TieredStopAtLevel=4 -f 1 -iters 2 -time 500 -af NONE -strideSize 4
 *
 * Observed on this project's 2-core AMD EPYC VM, JDK 17, -iters 2 -time 500 -strideSize 4 -af NONE
 * (two JVM configurations), the machine shared with other builds:
 *   every default pair: 0 lost (13,392 to 436,272 samples per pair).
 *   With set_bit made non-atomic (__set_bit's load and store): set_bit vs set_bit lost 6,489 of
 *   60,112, test_and_clear_bit vs set_bit 3,231 of 77,392, clear_bit_unlock_is_negative_byte vs
 *   set_bit 1,564 of 45,072: FORBIDDEN states, JCStress fails the run.
 */
@Outcome(id = TwoBitsOneWord.BOTH_HELD, expect = Expect.ACCEPTABLE, desc = "both updates are in the word")
@Outcome(id = {TwoBitsOneWord.OP1_LOST, TwoBitsOneWord.OP2_LOST}, expect = Expect.FORBIDDEN,
        desc = "one atomic bit operation lost or resurrected the other's bit")
@Outcome(expect = Expect.FORBIDDEN, desc = "model error: both updates lost")
public final class AtomicPairs {
    private AtomicPairs() {
    }

    // ---- default budget: each atomic operation against set_bit -------------------------------

    @JCStressTest
    @JCStressMeta(AtomicPairs.class)
    @AtomicityPair(op1 = "set_bit", op2 = "set_bit", atomic = true)
    @Description("set_bit(PG_locked) against set_bit(PG_waiters), one flags word")
    @State
    public static class SetBit_vs_SetBit extends TwoBitsOneWord {
        public SetBit_vs_SetBit() {
            super(SET_BIT, SET_BIT);
        }

        @Actor
        public void actor1() {
            runOp1();
        }

        @Actor
        public void actor2() {
            runOp2();
        }

        @Arbiter
        public void arbiter(ZZ_Result r) {
            reportBothHeld(r);
        }
    }

    @JCStressTest
    @JCStressMeta(AtomicPairs.class)
    @AtomicityPair(op1 = "clear_bit", op2 = "set_bit", atomic = true)
    @Description("clear_bit(PG_locked) against set_bit(PG_waiters), one flags word")
    @State
    public static class ClearBit_vs_SetBit extends TwoBitsOneWord {
        public ClearBit_vs_SetBit() {
            super(CLEAR_BIT, SET_BIT);
        }

        @Actor
        public void actor1() {
            runOp1();
        }

        @Actor
        public void actor2() {
            runOp2();
        }

        @Arbiter
        public void arbiter(ZZ_Result r) {
            reportBothHeld(r);
        }
    }

    @JCStressTest
    @JCStressMeta(AtomicPairs.class)
    @AtomicityPair(op1 = "test_and_set_bit", op2 = "set_bit", atomic = true)
    @Description("test_and_set_bit(PG_locked) against set_bit(PG_waiters), one flags word")
    @State
    public static class TestAndSetBit_vs_SetBit extends TwoBitsOneWord {
        public TestAndSetBit_vs_SetBit() {
            super(TEST_AND_SET_BIT, SET_BIT);
        }

        @Actor
        public void actor1() {
            runOp1();
        }

        @Actor
        public void actor2() {
            runOp2();
        }

        @Arbiter
        public void arbiter(ZZ_Result r) {
            reportBothHeld(r);
        }
    }

    @JCStressTest
    @JCStressMeta(AtomicPairs.class)
    @AtomicityPair(op1 = "test_and_clear_bit", op2 = "set_bit", atomic = true)
    @Description("test_and_clear_bit(PG_locked) against set_bit(PG_waiters), one flags word")
    @State
    public static class TestAndClearBit_vs_SetBit extends TwoBitsOneWord {
        public TestAndClearBit_vs_SetBit() {
            super(TEST_AND_CLEAR_BIT, SET_BIT);
        }

        @Actor
        public void actor1() {
            runOp1();
        }

        @Actor
        public void actor2() {
            runOp2();
        }

        @Arbiter
        public void arbiter(ZZ_Result r) {
            reportBothHeld(r);
        }
    }

    @JCStressTest
    @JCStressMeta(AtomicPairs.class)
    @AtomicityPair(op1 = "test_and_set_bit_lock", op2 = "set_bit", atomic = true)
    @Description("test_and_set_bit_lock(PG_locked) against set_bit(PG_waiters), one flags word")
    @State
    public static class TestAndSetBitLock_vs_SetBit extends TwoBitsOneWord {
        public TestAndSetBitLock_vs_SetBit() {
            super(TEST_AND_SET_BIT_LOCK, SET_BIT);
        }

        @Actor
        public void actor1() {
            runOp1();
        }

        @Actor
        public void actor2() {
            runOp2();
        }

        @Arbiter
        public void arbiter(ZZ_Result r) {
            reportBothHeld(r);
        }
    }

    @JCStressTest
    @JCStressMeta(AtomicPairs.class)
    @AtomicityPair(op1 = "clear_bit_unlock", op2 = "set_bit", atomic = true)
    @Description("clear_bit_unlock(PG_locked) against set_bit(PG_waiters), one flags word")
    @State
    public static class ClearBitUnlock_vs_SetBit extends TwoBitsOneWord {
        public ClearBitUnlock_vs_SetBit() {
            super(CLEAR_BIT_UNLOCK, SET_BIT);
        }

        @Actor
        public void actor1() {
            runOp1();
        }

        @Actor
        public void actor2() {
            runOp2();
        }

        @Arbiter
        public void arbiter(ZZ_Result r) {
            reportBothHeld(r);
        }
    }

    @JCStressTest
    @JCStressMeta(AtomicPairs.class)
    @AtomicityPair(op1 = "clear_bit_unlock_is_negative_byte", op2 = "set_bit", atomic = true)
    @Description("clear_bit_unlock_is_negative_byte(PG_locked) against set_bit(PG_waiters), one flags word")
    @State
    public static class ClearBitUnlockIsNegativeByte_vs_SetBit extends TwoBitsOneWord {
        public ClearBitUnlockIsNegativeByte_vs_SetBit() {
            super(CLEAR_BIT_UNLOCK_IS_NEGATIVE_BYTE, SET_BIT);
        }

        @Actor
        public void actor1() {
            runOp1();
        }

        @Actor
        public void actor2() {
            runOp2();
        }

        @Arbiter
        public void arbiter(ZZ_Result r) {
            reportBothHeld(r);
        }
    }

    // ---- toughOnly: the rest of the matrix ---------------------------------------------------

    @JCStressTest
    @JCStressMeta(AtomicPairs.class)
    @AtomicityPair(op1 = "clear_bit", op2 = "clear_bit", atomic = true, toughOnly = true)
    @Description("clear_bit(PG_locked) against clear_bit(PG_waiters), one flags word")
    @State
    public static class ClearBit_vs_ClearBit extends TwoBitsOneWord {
        public ClearBit_vs_ClearBit() {
            super(CLEAR_BIT, CLEAR_BIT);
        }

        @Actor
        public void actor1() {
            runOp1();
        }

        @Actor
        public void actor2() {
            runOp2();
        }

        @Arbiter
        public void arbiter(ZZ_Result r) {
            reportBothHeld(r);
        }
    }

    @JCStressTest
    @JCStressMeta(AtomicPairs.class)
    @AtomicityPair(op1 = "test_and_set_bit", op2 = "clear_bit", atomic = true, toughOnly = true)
    @Description("test_and_set_bit(PG_locked) against clear_bit(PG_waiters), one flags word")
    @State
    public static class TestAndSetBit_vs_ClearBit extends TwoBitsOneWord {
        public TestAndSetBit_vs_ClearBit() {
            super(TEST_AND_SET_BIT, CLEAR_BIT);
        }

        @Actor
        public void actor1() {
            runOp1();
        }

        @Actor
        public void actor2() {
            runOp2();
        }

        @Arbiter
        public void arbiter(ZZ_Result r) {
            reportBothHeld(r);
        }
    }

    @JCStressTest
    @JCStressMeta(AtomicPairs.class)
    @AtomicityPair(op1 = "test_and_set_bit", op2 = "test_and_set_bit", atomic = true, toughOnly = true)
    @Description("test_and_set_bit(PG_locked) against test_and_set_bit(PG_waiters), one flags word")
    @State
    public static class TestAndSetBit_vs_TestAndSetBit extends TwoBitsOneWord {
        public TestAndSetBit_vs_TestAndSetBit() {
            super(TEST_AND_SET_BIT, TEST_AND_SET_BIT);
        }

        @Actor
        public void actor1() {
            runOp1();
        }

        @Actor
        public void actor2() {
            runOp2();
        }

        @Arbiter
        public void arbiter(ZZ_Result r) {
            reportBothHeld(r);
        }
    }

    @JCStressTest
    @JCStressMeta(AtomicPairs.class)
    @AtomicityPair(op1 = "test_and_clear_bit", op2 = "clear_bit", atomic = true, toughOnly = true)
    @Description("test_and_clear_bit(PG_locked) against clear_bit(PG_waiters), one flags word")
    @State
    public static class TestAndClearBit_vs_ClearBit extends TwoBitsOneWord {
        public TestAndClearBit_vs_ClearBit() {
            super(TEST_AND_CLEAR_BIT, CLEAR_BIT);
        }

        @Actor
        public void actor1() {
            runOp1();
        }

        @Actor
        public void actor2() {
            runOp2();
        }

        @Arbiter
        public void arbiter(ZZ_Result r) {
            reportBothHeld(r);
        }
    }

    @JCStressTest
    @JCStressMeta(AtomicPairs.class)
    @AtomicityPair(op1 = "test_and_clear_bit", op2 = "test_and_set_bit", atomic = true, toughOnly = true)
    @Description("test_and_clear_bit(PG_locked) against test_and_set_bit(PG_waiters), one flags word")
    @State
    public static class TestAndClearBit_vs_TestAndSetBit extends TwoBitsOneWord {
        public TestAndClearBit_vs_TestAndSetBit() {
            super(TEST_AND_CLEAR_BIT, TEST_AND_SET_BIT);
        }

        @Actor
        public void actor1() {
            runOp1();
        }

        @Actor
        public void actor2() {
            runOp2();
        }

        @Arbiter
        public void arbiter(ZZ_Result r) {
            reportBothHeld(r);
        }
    }

    @JCStressTest
    @JCStressMeta(AtomicPairs.class)
    @AtomicityPair(op1 = "test_and_clear_bit", op2 = "test_and_clear_bit", atomic = true, toughOnly = true)
    @Description("test_and_clear_bit(PG_locked) against test_and_clear_bit(PG_waiters), one flags word")
    @State
    public static class TestAndClearBit_vs_TestAndClearBit extends TwoBitsOneWord {
        public TestAndClearBit_vs_TestAndClearBit() {
            super(TEST_AND_CLEAR_BIT, TEST_AND_CLEAR_BIT);
        }

        @Actor
        public void actor1() {
            runOp1();
        }

        @Actor
        public void actor2() {
            runOp2();
        }

        @Arbiter
        public void arbiter(ZZ_Result r) {
            reportBothHeld(r);
        }
    }

    @JCStressTest
    @JCStressMeta(AtomicPairs.class)
    @AtomicityPair(op1 = "test_and_set_bit_lock", op2 = "clear_bit", atomic = true, toughOnly = true)
    @Description("test_and_set_bit_lock(PG_locked) against clear_bit(PG_waiters), one flags word")
    @State
    public static class TestAndSetBitLock_vs_ClearBit extends TwoBitsOneWord {
        public TestAndSetBitLock_vs_ClearBit() {
            super(TEST_AND_SET_BIT_LOCK, CLEAR_BIT);
        }

        @Actor
        public void actor1() {
            runOp1();
        }

        @Actor
        public void actor2() {
            runOp2();
        }

        @Arbiter
        public void arbiter(ZZ_Result r) {
            reportBothHeld(r);
        }
    }

    @JCStressTest
    @JCStressMeta(AtomicPairs.class)
    @AtomicityPair(op1 = "test_and_set_bit_lock", op2 = "test_and_set_bit", atomic = true, toughOnly = true)
    @Description("test_and_set_bit_lock(PG_locked) against test_and_set_bit(PG_waiters), one flags word")
    @State
    public static class TestAndSetBitLock_vs_TestAndSetBit extends TwoBitsOneWord {
        public TestAndSetBitLock_vs_TestAndSetBit() {
            super(TEST_AND_SET_BIT_LOCK, TEST_AND_SET_BIT);
        }

        @Actor
        public void actor1() {
            runOp1();
        }

        @Actor
        public void actor2() {
            runOp2();
        }

        @Arbiter
        public void arbiter(ZZ_Result r) {
            reportBothHeld(r);
        }
    }

    @JCStressTest
    @JCStressMeta(AtomicPairs.class)
    @AtomicityPair(op1 = "test_and_set_bit_lock", op2 = "test_and_clear_bit", atomic = true, toughOnly = true)
    @Description("test_and_set_bit_lock(PG_locked) against test_and_clear_bit(PG_waiters), one flags word")
    @State
    public static class TestAndSetBitLock_vs_TestAndClearBit extends TwoBitsOneWord {
        public TestAndSetBitLock_vs_TestAndClearBit() {
            super(TEST_AND_SET_BIT_LOCK, TEST_AND_CLEAR_BIT);
        }

        @Actor
        public void actor1() {
            runOp1();
        }

        @Actor
        public void actor2() {
            runOp2();
        }

        @Arbiter
        public void arbiter(ZZ_Result r) {
            reportBothHeld(r);
        }
    }

    @JCStressTest
    @JCStressMeta(AtomicPairs.class)
    @AtomicityPair(op1 = "test_and_set_bit_lock", op2 = "test_and_set_bit_lock", atomic = true, toughOnly = true)
    @Description("test_and_set_bit_lock(PG_locked) against test_and_set_bit_lock(PG_waiters), one flags word")
    @State
    public static class TestAndSetBitLock_vs_TestAndSetBitLock extends TwoBitsOneWord {
        public TestAndSetBitLock_vs_TestAndSetBitLock() {
            super(TEST_AND_SET_BIT_LOCK, TEST_AND_SET_BIT_LOCK);
        }

        @Actor
        public void actor1() {
            runOp1();
        }

        @Actor
        public void actor2() {
            runOp2();
        }

        @Arbiter
        public void arbiter(ZZ_Result r) {
            reportBothHeld(r);
        }
    }

    @JCStressTest
    @JCStressMeta(AtomicPairs.class)
    @AtomicityPair(op1 = "clear_bit_unlock", op2 = "clear_bit", atomic = true, toughOnly = true)
    @Description("clear_bit_unlock(PG_locked) against clear_bit(PG_waiters), one flags word")
    @State
    public static class ClearBitUnlock_vs_ClearBit extends TwoBitsOneWord {
        public ClearBitUnlock_vs_ClearBit() {
            super(CLEAR_BIT_UNLOCK, CLEAR_BIT);
        }

        @Actor
        public void actor1() {
            runOp1();
        }

        @Actor
        public void actor2() {
            runOp2();
        }

        @Arbiter
        public void arbiter(ZZ_Result r) {
            reportBothHeld(r);
        }
    }

    @JCStressTest
    @JCStressMeta(AtomicPairs.class)
    @AtomicityPair(op1 = "clear_bit_unlock", op2 = "test_and_set_bit", atomic = true, toughOnly = true)
    @Description("clear_bit_unlock(PG_locked) against test_and_set_bit(PG_waiters), one flags word")
    @State
    public static class ClearBitUnlock_vs_TestAndSetBit extends TwoBitsOneWord {
        public ClearBitUnlock_vs_TestAndSetBit() {
            super(CLEAR_BIT_UNLOCK, TEST_AND_SET_BIT);
        }

        @Actor
        public void actor1() {
            runOp1();
        }

        @Actor
        public void actor2() {
            runOp2();
        }

        @Arbiter
        public void arbiter(ZZ_Result r) {
            reportBothHeld(r);
        }
    }

    @JCStressTest
    @JCStressMeta(AtomicPairs.class)
    @AtomicityPair(op1 = "clear_bit_unlock", op2 = "test_and_clear_bit", atomic = true, toughOnly = true)
    @Description("clear_bit_unlock(PG_locked) against test_and_clear_bit(PG_waiters), one flags word")
    @State
    public static class ClearBitUnlock_vs_TestAndClearBit extends TwoBitsOneWord {
        public ClearBitUnlock_vs_TestAndClearBit() {
            super(CLEAR_BIT_UNLOCK, TEST_AND_CLEAR_BIT);
        }

        @Actor
        public void actor1() {
            runOp1();
        }

        @Actor
        public void actor2() {
            runOp2();
        }

        @Arbiter
        public void arbiter(ZZ_Result r) {
            reportBothHeld(r);
        }
    }

    @JCStressTest
    @JCStressMeta(AtomicPairs.class)
    @AtomicityPair(op1 = "clear_bit_unlock", op2 = "test_and_set_bit_lock", atomic = true, toughOnly = true)
    @Description("clear_bit_unlock(PG_locked) against test_and_set_bit_lock(PG_waiters), one flags word")
    @State
    public static class ClearBitUnlock_vs_TestAndSetBitLock extends TwoBitsOneWord {
        public ClearBitUnlock_vs_TestAndSetBitLock() {
            super(CLEAR_BIT_UNLOCK, TEST_AND_SET_BIT_LOCK);
        }

        @Actor
        public void actor1() {
            runOp1();
        }

        @Actor
        public void actor2() {
            runOp2();
        }

        @Arbiter
        public void arbiter(ZZ_Result r) {
            reportBothHeld(r);
        }
    }

    @JCStressTest
    @JCStressMeta(AtomicPairs.class)
    @AtomicityPair(op1 = "clear_bit_unlock", op2 = "clear_bit_unlock", atomic = true, toughOnly = true)
    @Description("clear_bit_unlock(PG_locked) against clear_bit_unlock(PG_waiters), one flags word")
    @State
    public static class ClearBitUnlock_vs_ClearBitUnlock extends TwoBitsOneWord {
        public ClearBitUnlock_vs_ClearBitUnlock() {
            super(CLEAR_BIT_UNLOCK, CLEAR_BIT_UNLOCK);
        }

        @Actor
        public void actor1() {
            runOp1();
        }

        @Actor
        public void actor2() {
            runOp2();
        }

        @Arbiter
        public void arbiter(ZZ_Result r) {
            reportBothHeld(r);
        }
    }

    @JCStressTest
    @JCStressMeta(AtomicPairs.class)
    @AtomicityPair(op1 = "clear_bit_unlock_is_negative_byte", op2 = "clear_bit", atomic = true, toughOnly = true)
    @Description("clear_bit_unlock_is_negative_byte(PG_locked) against clear_bit(PG_waiters), one flags word")
    @State
    public static class ClearBitUnlockIsNegativeByte_vs_ClearBit extends TwoBitsOneWord {
        public ClearBitUnlockIsNegativeByte_vs_ClearBit() {
            super(CLEAR_BIT_UNLOCK_IS_NEGATIVE_BYTE, CLEAR_BIT);
        }

        @Actor
        public void actor1() {
            runOp1();
        }

        @Actor
        public void actor2() {
            runOp2();
        }

        @Arbiter
        public void arbiter(ZZ_Result r) {
            reportBothHeld(r);
        }
    }

    @JCStressTest
    @JCStressMeta(AtomicPairs.class)
    @AtomicityPair(op1 = "clear_bit_unlock_is_negative_byte", op2 = "test_and_set_bit", atomic = true, toughOnly = true)
    @Description("clear_bit_unlock_is_negative_byte(PG_locked) against test_and_set_bit(PG_waiters), one flags word")
    @State
    public static class ClearBitUnlockIsNegativeByte_vs_TestAndSetBit extends TwoBitsOneWord {
        public ClearBitUnlockIsNegativeByte_vs_TestAndSetBit() {
            super(CLEAR_BIT_UNLOCK_IS_NEGATIVE_BYTE, TEST_AND_SET_BIT);
        }

        @Actor
        public void actor1() {
            runOp1();
        }

        @Actor
        public void actor2() {
            runOp2();
        }

        @Arbiter
        public void arbiter(ZZ_Result r) {
            reportBothHeld(r);
        }
    }

    @JCStressTest
    @JCStressMeta(AtomicPairs.class)
    @AtomicityPair(op1 = "clear_bit_unlock_is_negative_byte", op2 = "test_and_clear_bit", atomic = true, toughOnly = true)
    @Description("clear_bit_unlock_is_negative_byte(PG_locked) against test_and_clear_bit(PG_waiters), one flags word")
    @State
    public static class ClearBitUnlockIsNegativeByte_vs_TestAndClearBit extends TwoBitsOneWord {
        public ClearBitUnlockIsNegativeByte_vs_TestAndClearBit() {
            super(CLEAR_BIT_UNLOCK_IS_NEGATIVE_BYTE, TEST_AND_CLEAR_BIT);
        }

        @Actor
        public void actor1() {
            runOp1();
        }

        @Actor
        public void actor2() {
            runOp2();
        }

        @Arbiter
        public void arbiter(ZZ_Result r) {
            reportBothHeld(r);
        }
    }

    @JCStressTest
    @JCStressMeta(AtomicPairs.class)
    @AtomicityPair(op1 = "clear_bit_unlock_is_negative_byte", op2 = "test_and_set_bit_lock", atomic = true, toughOnly = true)
    @Description("clear_bit_unlock_is_negative_byte(PG_locked) against test_and_set_bit_lock(PG_waiters), one flags word")
    @State
    public static class ClearBitUnlockIsNegativeByte_vs_TestAndSetBitLock extends TwoBitsOneWord {
        public ClearBitUnlockIsNegativeByte_vs_TestAndSetBitLock() {
            super(CLEAR_BIT_UNLOCK_IS_NEGATIVE_BYTE, TEST_AND_SET_BIT_LOCK);
        }

        @Actor
        public void actor1() {
            runOp1();
        }

        @Actor
        public void actor2() {
            runOp2();
        }

        @Arbiter
        public void arbiter(ZZ_Result r) {
            reportBothHeld(r);
        }
    }

    @JCStressTest
    @JCStressMeta(AtomicPairs.class)
    @AtomicityPair(op1 = "clear_bit_unlock_is_negative_byte", op2 = "clear_bit_unlock", atomic = true, toughOnly = true)
    @Description("clear_bit_unlock_is_negative_byte(PG_locked) against clear_bit_unlock(PG_waiters), one flags word")
    @State
    public static class ClearBitUnlockIsNegativeByte_vs_ClearBitUnlock extends TwoBitsOneWord {
        public ClearBitUnlockIsNegativeByte_vs_ClearBitUnlock() {
            super(CLEAR_BIT_UNLOCK_IS_NEGATIVE_BYTE, CLEAR_BIT_UNLOCK);
        }

        @Actor
        public void actor1() {
            runOp1();
        }

        @Actor
        public void actor2() {
            runOp2();
        }

        @Arbiter
        public void arbiter(ZZ_Result r) {
            reportBothHeld(r);
        }
    }

    @JCStressTest
    @JCStressMeta(AtomicPairs.class)
    @AtomicityPair(op1 = "clear_bit_unlock_is_negative_byte", op2 = "clear_bit_unlock_is_negative_byte", atomic = true, toughOnly = true)
    @Description("clear_bit_unlock_is_negative_byte(PG_locked) against clear_bit_unlock_is_negative_byte(PG_waiters), one flags word")
    @State
    public static class ClearBitUnlockIsNegativeByte_vs_ClearBitUnlockIsNegativeByte extends TwoBitsOneWord {
        public ClearBitUnlockIsNegativeByte_vs_ClearBitUnlockIsNegativeByte() {
            super(CLEAR_BIT_UNLOCK_IS_NEGATIVE_BYTE, CLEAR_BIT_UNLOCK_IS_NEGATIVE_BYTE);
        }

        @Actor
        public void actor1() {
            runOp1();
        }

        @Actor
        public void actor2() {
            runOp2();
        }

        @Arbiter
        public void arbiter(ZZ_Result r) {
            reportBothHeld(r);
        }
    }
}
