package dev.pageflags.stress.litmus;

import dev.pageflags.stress.LitmusTest;
import dev.pageflags.stress.LitmusTest.Lkmm;
import dev.pageflags.stress.LitmusTest.Tso;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Ref;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import static dev.pageflags.mm.Barriers.smpMb;
import static dev.pageflags.mm.Rwonce.readOnce;
import static dev.pageflags.mm.Rwonce.writeOnce;

/*
 * The R shape: P0 stores x then y; P1 stores y (a second value) then loads x.
 *
 *   P0                      P1
 *   WRITE_ONCE(x, 1)        WRITE_ONCE(y, 2)
 *   [smp_mb()]              [smp_mb()]
 *   WRITE_ONCE(y, 1)        r0 = READ_ONCE(x)
 *
 *   exists (y=2 /\ 1:r0=0): P1's store to y came last, yet its load missed x = 1, which P0 stored
 *   before its own store to y.
 *
 * Like SB, the state needs a store that waits while a later load goes ahead (P1's y = 2 in its
 * store buffer while it reads x), so x86-TSO allows it without the barrier, and the model must
 * show it. With smp_mb() on both sides LKMM forbids it (the file notes that weakening either
 * barrier would allow it), and so does x86.
 *
 * How to run: java -jar stress/target/jcstress.jar -t 'litmus.RShape' -sc false \
 *   -jvmArgs -XX:TieredStopAtLevel=4 -f 1 -iters 2 -time 500 -af NONE -strideSize 4
 *
 * Results: r1 = P1's load of x, r2 = the final value of y (read by the arbiter).
 *
 * Observed counts: results/reference/stress/litmus.md (the suite's reference run); the mutations that
 * turn these tests red, with their counts: results/reference/mutations/.
 */
@Outcome(id = {"0, 1", "1, 1", "1, 2"}, expect = Expect.ACCEPTABLE,
        desc = "P0's store to y came last, or P1 saw x = 1")
@Outcome(expect = Expect.FORBIDDEN, desc = "model error: a load returned a value nobody stored")
@Ref("https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/tools/memory-model/litmus-tests")
public final class RShape {
    /** The exists state: x missed, P1's y = 2 last. */
    static final String MISSED_X_STORED_Y_LAST = "0, 2";

    private RShape() {
    }

    /*
     * R+poonceonces: no barrier. LKMM Sometimes (the kernel file's header has no Result line in the
     * version read here; its README calls it R+fencembonceonces "without the smp_mb() invocations",
     * and R+fencembonceonces says weakening either barrier allows the state). x86 allows it: it must
     * be observed.
     *   -t 'RShape.R_poonceonces'
     */
    @JCStressTest
    @JCStressMeta(RShape.class)
    @LitmusTest(name = "R+poonceonces", path = "tools/memory-model/litmus-tests/R+poonceonces.litmus",
            lkmm = Lkmm.SOMETIMES, x86 = Tso.ALLOWED)
    @Description("R+poonceonces: WRITE_ONCE x, y || WRITE_ONCE y = 2, READ_ONCE x (LKMM: Sometimes)")
    @Outcome(id = MISSED_X_STORED_Y_LAST, expect = Expect.ACCEPTABLE_INTERESTING,
            desc = "P1's y = 2 came last yet its load missed x = 1: its store waited in the store buffer")
    @State
    public static class R_poonceonces extends LitmusVars {
        @Actor
        public void p0() {
            writeOnce(mem, X, 1);
            writeOnce(mem, Y, 1);
        }

        @Actor
        public void p1(II_Result r) {
            writeOnce(mem, Y, 2);
            r.r1 = (int) readOnce(mem, X);
        }

        @Arbiter
        public void finalY(II_Result r) {
            r.r2 = (int) readOnce(mem, Y);
        }
    }

    /*
     * R+fencembonceonces: smp_mb() between the two accesses on both sides. LKMM Never; x86 forbids
     * it once P1's store is drained before its load.
     *   -t 'RShape.R_fencembonceonces'
     */
    @JCStressTest
    @JCStressMeta(RShape.class)
    @LitmusTest(name = "R+fencembonceonces", path = "tools/memory-model/litmus-tests/R+fencembonceonces.litmus",
            lkmm = Lkmm.NEVER, x86 = Tso.FORBIDDEN)
    @Description("R+fencembonceonces: as R+poonceonces with smp_mb() on both sides (LKMM: Never)")
    @Outcome(id = MISSED_X_STORED_Y_LAST, expect = Expect.FORBIDDEN,
            desc = "P1's y = 2 came last yet its load missed x = 1, across smp_mb() on both sides")
    @State
    public static class R_fencembonceonces extends LitmusVars {
        @Actor
        public void p0() {
            writeOnce(mem, X, 1);
            smpMb();
            writeOnce(mem, Y, 1);
        }

        @Actor
        public void p1(II_Result r) {
            writeOnce(mem, Y, 2);
            smpMb();
            r.r1 = (int) readOnce(mem, X);
        }

        @Arbiter
        public void finalY(II_Result r) {
            r.r2 = (int) readOnce(mem, Y);
        }
    }
}
