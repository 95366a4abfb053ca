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
import org.openjdk.jcstress.infra.results.II_Result;

import static dev.pageflags.mm.Rwonce.readOnce;
import static dev.pageflags.mm.Rwonce.writeOnce;

/*
 * The S shape: P0 stores x = 2 then y = 1; P1 loads y and then stores x = 1.
 *
 *   exists (x=2 /\ 1:r0=1): P1 saw P0's second store, yet P1's store to x was overwritten by P0's
 *   first one: P0's two stores, or P1's load and store, were reordered.
 *
 * Only S+poonceonces has the primitives of the model: the kernel's other S test,
 * S+fencewmbonceonce+poacquireonce, needs smp_wmb(), which the model does not have (see
 * package-info). x86-TSO keeps stores in order and never lets a store pass an earlier load: the
 * state is allowed by LKMM but not reachable on x86.
 *
 * How to run: java -jar stress/target/jcstress.jar -t 'litmus.SShape' -sc false \
 *   -jvmArgs -XX:TieredStopAtLevel=4 -f 1 -iters 2 -time 500 -af NONE -strideSize 4
 *
 * Results: r1 = P1's load of y, r2 = the final value of x (read by the arbiter).
 */
@Ref("https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/tools/memory-model/litmus-tests")
public final class SShape {
    private SShape() {
    }

    /*
     * S+poonceonces: no ordering. LKMM Sometimes; x86-TSO forbids it.
     *   -t 'SShape.S_poonceonces'
     */
    @JCStressTest
    @LitmusTest(name = "S+poonceonces", path = "tools/memory-model/litmus-tests/S+poonceonces.litmus",
            lkmm = Lkmm.SOMETIMES, x86 = Tso.FORBIDDEN)
    @Description("S+poonceonces: WRITE_ONCE x = 2, y = 1 || READ_ONCE y, WRITE_ONCE x = 1 (LKMM: Sometimes)")
    @Outcome(id = S_poonceonces.SAW_Y_LOST_X, expect = Expect.ACCEPTABLE_INTERESTING,
            desc = "P1 saw y = 1, yet P0's earlier x = 2 overwrote P1's x = 1: allowed by LKMM, not by x86-TSO")
    @Outcome(id = {"0, 1", "0, 2", "1, 1"}, expect = Expect.ACCEPTABLE,
            desc = "P1 missed y, or its store to x came after P0's")
    @Outcome(expect = Expect.FORBIDDEN, desc = "model error: a load returned a value nobody stored")
    @State
    public static class S_poonceonces extends LitmusVars {
        static final String SAW_Y_LOST_X = "1, 2";

        @Actor
        public void p0() {
            writeOnce(mem, X, 2);
            writeOnce(mem, Y, 1);
        }

        @Actor
        public void p1(II_Result r) {
            r.r1 = (int) readOnce(mem, Y);
            writeOnce(mem, X, 1);
        }

        @Arbiter
        public void finalX(II_Result r) {
            r.r2 = (int) readOnce(mem, X);
        }
    }
}
