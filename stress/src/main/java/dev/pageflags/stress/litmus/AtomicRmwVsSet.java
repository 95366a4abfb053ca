package dev.pageflags.stress.litmus;

import dev.pageflags.stress.LitmusTest;
import dev.pageflags.stress.LitmusTest.Lkmm;
import dev.pageflags.stress.LitmusTest.Tso;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Ref;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

import static dev.pageflags.mm.Bitops.testAndClearBit;
import static dev.pageflags.mm.Rwonce.readOnce;
import static dev.pageflags.mm.Rwonce.writeOnce;

/*
 * An atomic read-modify-write is atomic with respect to a plain store of the same word
 * (Documentation/litmus-tests/atomic/Atomic-RMW-ops-are-atomic-WRT-atomic_set.litmus, Never): the
 * store lands either before the RMW reads or after it writes, never in between.
 *
 * The kernel's test races atomic_add_unless(v, 1, 0) with atomic_set(v, 0), v = 1 at the start; the
 * exists state v = 2 means the add read 1, the set wrote 0, and the add then wrote 2 over it. The
 * model has no atomic_t; its conditional RMW on a word is the bit family, and its atomic_set of a
 * word is WRITE_ONCE. The same shape with those: v = 0b11 at the start, P0 runs
 * test_and_clear_bit(0, v) (a conditional RMW that writes only when the bit is set, as add_unless
 * writes only when v is not 0), P1 runs WRITE_ONCE(v, 0). The end value is 0 in every atomic
 * execution; 2 (0b10) means the RMW wrote over the store, the same v = 2 as the kernel's. This is
 * also the shape in which a __ operation's plain read-modify-write loses a concurrent store; see
 * dev.pageflags.stress.atomicity for the bit-against-bit table.
 *
 * x86: the RMW is a lock cmpxchg loop, atomic against any store; forbidden.
 *
 * How to run: java -jar stress/target/jcstress.jar -t 'litmus.AtomicRmwVsSet' -sc false \
 *   -jvmArgs -XX:TieredStopAtLevel=4 -f 1 -iters 2 -time 500 -af NONE -strideSize 4
 */
@Ref("https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/Documentation/litmus-tests/atomic")
public final class AtomicRmwVsSet {
    private AtomicRmwVsSet() {
    }

    /*
     *   -t 'AtomicRmwVsSet.Atomic_RMW_ops_are_atomic_WRT_atomic_set'       Result: final v.
     */
    @JCStressTest
    @LitmusTest(name = "Atomic-RMW-ops-are-atomic-WRT-atomic_set",
            path = "Documentation/litmus-tests/atomic/Atomic-RMW-ops-are-atomic-WRT-atomic_set.litmus",
            lkmm = Lkmm.NEVER, x86 = Tso.FORBIDDEN)
    @Description("Atomic-RMW-ops-are-atomic-WRT-atomic_set (test_and_clear_bit against WRITE_ONCE of the "
            + "word): the store is never lost inside the RMW (LKMM: Never)")
    @Outcome(id = Atomic_RMW_ops_are_atomic_WRT_atomic_set.RMW_OVER_STORE, expect = Expect.FORBIDDEN,
            desc = "the RMW read 0b11 before the store of 0 and wrote 0b10 after it: the store was lost")
    @Outcome(id = "0", expect = Expect.ACCEPTABLE, desc = "the store came before the RMW read, or after it wrote")
    @Outcome(expect = Expect.FORBIDDEN, desc = "model error: the word holds a value nobody wrote")
    @State
    public static class Atomic_RMW_ops_are_atomic_WRT_atomic_set extends LitmusVars {
        static final String RMW_OVER_STORE = "2";

        public Atomic_RMW_ops_are_atomic_WRT_atomic_set() {
            writeOnce(mem, X, 0b11);
        }

        @Actor
        public void p0() {
            testAndClearBit(0, mem, X);
        }

        @Actor
        public void p1() {
            writeOnce(mem, X, 0);
        }

        @Arbiter
        public void finalV(I_Result r) {
            r.r1 = (int) readOnce(mem, X);
        }
    }
}
