package dev.pageflags.stress.litmus;

import dev.pageflags.stress.LitmusTest;
import dev.pageflags.stress.LitmusTest.Lkmm;
import dev.pageflags.stress.LitmusTest.Tso;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Ref;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.openjdk.jcstress.infra.results.II_Result;

import static dev.pageflags.mm.Barriers.smpMbAfterAtomic;
import static dev.pageflags.mm.Bitops.testAndSetBit;
import static dev.pageflags.mm.Rwonce.readOnce;
import static dev.pageflags.mm.Rwonce.writeOnce;

/*
 * A conditional read-modify-write that fails orders nothing (Documentation/litmus-tests/atomic,
 * cmpxchg-fail-*). The model has no cmpxchg() of its own; its conditional RMW is test_and_set_bit(),
 * and Documentation/atomic_bitops.txt gives it the same rule: fully ordered when it changes the bit,
 * unordered when the bit was already set ("deemed to have failed"). So each test below is the
 * kernel's cmpxchg test with cmpxchg(p, 0, 1) written as test_and_set_bit(0, p): both return the old
 * value, 0 on success and 1 on failure, so the exists clauses read the same.
 *
 * What the model does: Bitops.testAndSetBit() on a set bit returns after one volatile load, with no
 * store and no fence. On x86 that is a plain mov (the kernel's test_and_set_bit is always a lock bts,
 * a full barrier even when it fails: x86 is stronger than LKMM here, the model is not). A Java
 * volatile load is an acquire, though, so the model's failed test_and_set_bit is an acquire, stronger
 * than LKMM's unordered failure; cmpxchg-fail-unordered-2 is the test that would show the
 * difference on a weakly ordered CPU. smp_mb__after_atomic() after it is VarHandle.fullFence().
 *
 * How to run: java -jar stress/target/jcstress.jar -t 'litmus.CmpxchgFailure' -sc false \
 *   -jvmArgs -XX:TieredStopAtLevel=4 -f 1 -iters 2 -time 500 -af NONE -strideSize 4
 *
 * Observed counts: results/reference/stress/litmus.md (the suite's reference run); the mutations that
 * turn these tests red, with their counts: results/reference/mutations/.
 */
@Ref("https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/Documentation/litmus-tests/atomic")
@Ref("https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/Documentation/atomic_bitops.txt")
public final class CmpxchgFailure {
    /** SB-shaped tests (the -1 pair): both loads missed the other thread's store. */
    static final String BOTH_MISSED = "0, 0";

    /** The -2 pair: P0's RMW succeeded, P1's failed on P0's value, yet P1 missed P0's earlier store. */
    static final String FAILED_ON_IT_MISSED_DATA = "0, 1, 0";

    private CmpxchgFailure() {
    }

    /** The -1 pair: z's bit is set before the test, so every test_and_set_bit of it fails. */
    public abstract static class FailingRmwBetween extends LitmusVars {
        protected FailingRmwBetween() {
            writeOnce(mem, Z, 1);
        }
    }

    /*
     * cmpxchg-fail-unordered-1: store buffering with a failing RMW of a third variable between each
     * store and load. LKMM Sometimes. In the model the failed RMW is a load, so on x86 nothing drains
     * the store buffer: the state is allowed and must be observed.
     *   -t 'CmpxchgFailure.cmpxchg_fail_unordered_1'      Results: P0's load of y, P1's load of x.
     */
    @JCStressTest
    @LitmusTest(name = "cmpxchg-fail-unordered-1",
            path = "Documentation/litmus-tests/atomic/cmpxchg-fail-unordered-1.litmus",
            lkmm = Lkmm.SOMETIMES, x86 = Tso.ALLOWED)
    @Description("cmpxchg-fail-unordered-1 (failing test_and_set_bit as cmpxchg): SB with a failed RMW "
            + "between store and load (LKMM: Sometimes)")
    @Outcome(id = BOTH_MISSED, expect = Expect.ACCEPTABLE_INTERESTING,
            desc = "both loads missed the other store: a failed RMW is no barrier")
    @Outcome(id = {"0, 1", "1, 0", "1, 1"}, expect = Expect.ACCEPTABLE, desc = "at least one load saw the other store")
    @Outcome(expect = Expect.FORBIDDEN, desc = "model error: a load returned a value nobody stored")
    @State
    public static class cmpxchg_fail_unordered_1 extends FailingRmwBetween {
        @Actor
        public void p0(II_Result r) {
            writeOnce(mem, X, 1);
            testAndSetBit(0, mem, Z);
            r.r1 = (int) readOnce(mem, Y);
        }

        @Actor
        public void p1(II_Result r) {
            writeOnce(mem, Y, 1);
            testAndSetBit(0, mem, Z);
            r.r2 = (int) readOnce(mem, X);
        }
    }

    /*
     * cmpxchg-fail-ordered-1: the same with smp_mb__after_atomic() after each failed RMW, which
     * makes it a full barrier. LKMM Never.
     *   -t 'CmpxchgFailure.cmpxchg_fail_ordered_1'
     */
    @JCStressTest
    @LitmusTest(name = "cmpxchg-fail-ordered-1",
            path = "Documentation/litmus-tests/atomic/cmpxchg-fail-ordered-1.litmus",
            lkmm = Lkmm.NEVER, x86 = Tso.FORBIDDEN)
    @Description("cmpxchg-fail-ordered-1 (failing test_and_set_bit as cmpxchg): as -unordered-1 with "
            + "smp_mb__after_atomic() (LKMM: Never)")
    @Outcome(id = BOTH_MISSED, expect = Expect.FORBIDDEN,
            desc = "both loads missed the other store across a failed RMW and smp_mb__after_atomic()")
    @Outcome(id = {"0, 1", "1, 0", "1, 1"}, expect = Expect.ACCEPTABLE, desc = "at least one load saw the other store")
    @Outcome(expect = Expect.FORBIDDEN, desc = "model error: a load returned a value nobody stored")
    @State
    public static class cmpxchg_fail_ordered_1 extends FailingRmwBetween {
        @Actor
        public void p0(II_Result r) {
            writeOnce(mem, X, 1);
            testAndSetBit(0, mem, Z);
            smpMbAfterAtomic();
            r.r1 = (int) readOnce(mem, Y);
        }

        @Actor
        public void p1(II_Result r) {
            writeOnce(mem, Y, 1);
            testAndSetBit(0, mem, Z);
            smpMbAfterAtomic();
            r.r2 = (int) readOnce(mem, X);
        }
    }

    /*
     * cmpxchg-fail-unordered-2: P0 stores x and then wins the RMW of y; P1's RMW of y fails on P0's
     * value, and P1 then loads x. LKMM Sometimes: the failed RMW is not an acquire. x86-TSO forbids it
     * (P0's locked RMW drains x first, P1's loads stay in order); the model forbids it too, since its
     * failed test_and_set_bit is a volatile load (an acquire) that reads P0's volatile CAS.
     *   -t 'CmpxchgFailure.cmpxchg_fail_unordered_2'
     *   Results: P0's RMW result, P1's RMW result, P1's load of x.
     */
    @JCStressTest
    @LitmusTest(name = "cmpxchg-fail-unordered-2",
            path = "Documentation/litmus-tests/atomic/cmpxchg-fail-unordered-2.litmus",
            lkmm = Lkmm.SOMETIMES, x86 = Tso.FORBIDDEN)
    @Description("cmpxchg-fail-unordered-2 (test_and_set_bit as cmpxchg): a failed RMW reading the winner's "
            + "value is not an acquire (LKMM: Sometimes)")
    @Outcome(id = FAILED_ON_IT_MISSED_DATA, expect = Expect.ACCEPTABLE_INTERESTING,
            desc = "P1 failed on P0's RMW yet missed P0's earlier store: allowed by LKMM, not by x86-TSO")
    @Outcome(id = {"0, 1, 1", "1, 0, 0", "1, 0, 1"}, expect = Expect.ACCEPTABLE,
            desc = "one RMW won; the loser saw the data, or P1 won")
    @Outcome(expect = Expect.FORBIDDEN, desc = "model error: both or neither test_and_set_bit won")
    @State
    public static class cmpxchg_fail_unordered_2 extends LitmusVars {
        @Actor
        public void p0(III_Result r) {
            writeOnce(mem, X, 1);
            r.r1 = testAndSetBit(0, mem, Y) ? 1 : 0;
        }

        @Actor
        public void p1(III_Result r) {
            r.r2 = testAndSetBit(0, mem, Y) ? 1 : 0;
            r.r3 = (int) readOnce(mem, X);
        }
    }

    /*
     * cmpxchg-fail-ordered-2: the same with smp_mb__after_atomic() after P1's RMW, which gives the
     * failed RMW acquire ordering. LKMM Never.
     *   -t 'CmpxchgFailure.cmpxchg_fail_ordered_2'
     */
    @JCStressTest
    @LitmusTest(name = "cmpxchg-fail-ordered-2",
            path = "Documentation/litmus-tests/atomic/cmpxchg-fail-ordered-2.litmus",
            lkmm = Lkmm.NEVER, x86 = Tso.FORBIDDEN)
    @Description("cmpxchg-fail-ordered-2 (test_and_set_bit as cmpxchg): as -unordered-2 with "
            + "smp_mb__after_atomic() (LKMM: Never)")
    @Outcome(id = FAILED_ON_IT_MISSED_DATA, expect = Expect.FORBIDDEN,
            desc = "P1 failed on P0's RMW and then missed P0's earlier store, across smp_mb__after_atomic()")
    @Outcome(id = {"0, 1, 1", "1, 0, 0", "1, 0, 1"}, expect = Expect.ACCEPTABLE,
            desc = "one RMW won; the loser saw the data, or P1 won")
    @Outcome(expect = Expect.FORBIDDEN, desc = "model error: both or neither test_and_set_bit won")
    @State
    public static class cmpxchg_fail_ordered_2 extends LitmusVars {
        @Actor
        public void p0(III_Result r) {
            writeOnce(mem, X, 1);
            r.r1 = testAndSetBit(0, mem, Y) ? 1 : 0;
        }

        @Actor
        public void p1(III_Result r) {
            r.r2 = testAndSetBit(0, mem, Y) ? 1 : 0;
            smpMbAfterAtomic();
            r.r3 = (int) readOnce(mem, X);
        }
    }
}
