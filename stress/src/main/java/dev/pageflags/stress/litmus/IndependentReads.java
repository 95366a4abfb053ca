package dev.pageflags.stress.litmus;

import dev.pageflags.stress.LitmusTest;
import dev.pageflags.stress.LitmusTest.Lkmm;
import dev.pageflags.stress.LitmusTest.Tso;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Ref;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

import static dev.pageflags.mm.Barriers.smpMb;
import static dev.pageflags.mm.Rwonce.readOnce;
import static dev.pageflags.mm.Rwonce.writeOnce;

/*
 * Independent reads of independent writes (IRIW), four threads: P0 stores x, P2 stores y; P1 reads
 * x then y, P3 reads y then x.
 *
 *   exists (1:r0=1 /\ 1:r1=0 /\ 3:r0=1 /\ 3:r1=0): the two readers saw the two stores in opposite
 *   orders.
 *
 * x86-TSO is multicopy atomic (a store becomes visible to all other CPUs at once), so it never shows
 * the state. These tests need 4 CPUs: JCStress skips them on smaller machines, and the suite lists
 * them as not run.
 *
 * How to run (on 4+ CPUs): java -jar stress/target/jcstress.jar -t 'litmus.IndependentReads' -sc false \
 *   -jvmArgs -XX:TieredStopAtLevel=4 -f 1 -iters 2 -time 500 -af NONE -strideSize 4
 *
 * Results: P1's loads of x and y, then P3's loads of y and x.
 */
@Outcome(id = {"0, 0, 0, 0", "0, 0, 0, 1", "0, 0, 1, 0", "0, 0, 1, 1", "0, 1, 0, 0", "0, 1, 0, 1",
        "0, 1, 1, 0", "0, 1, 1, 1", "1, 0, 0, 0", "1, 0, 0, 1", "1, 0, 1, 1", "1, 1, 0, 0",
        "1, 1, 0, 1", "1, 1, 1, 0", "1, 1, 1, 1"},
        expect = Expect.ACCEPTABLE, desc = "the readers' views agree with one order of the two stores")
@Outcome(expect = Expect.FORBIDDEN, desc = "model error: a load returned a value nobody stored")
@Ref("https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/tools/memory-model/litmus-tests")
public final class IndependentReads {
    /** The readers disagree on the order of the stores to x and y. */
    static final String READERS_DISAGREE = "1, 0, 1, 0";

    private IndependentReads() {
    }

    /*
     * IRIW+poonceonces+OnceOnce: no barrier between the reads. LKMM Sometimes (the version of the
     * file read here has no Result line; the README asks "is anything at all needed", and the
     * smp_mb() variant is the answer); x86-TSO forbids it.
     *   -t 'IndependentReads.IRIW_poonceonces_OnceOnce'
     */
    @JCStressTest
    @JCStressMeta(IndependentReads.class)
    @LitmusTest(name = "IRIW+poonceonces+OnceOnce",
            path = "tools/memory-model/litmus-tests/IRIW+poonceonces+OnceOnce.litmus",
            lkmm = Lkmm.SOMETIMES, x86 = Tso.FORBIDDEN, threads = 4)
    @Description("IRIW+poonceonces+OnceOnce: two readers of two independent stores, no barrier (LKMM: Sometimes)")
    @Outcome(id = READERS_DISAGREE, expect = Expect.ACCEPTABLE_INTERESTING,
            desc = "the readers saw the stores in opposite orders: allowed by LKMM, not by x86-TSO")
    @State
    public static class IRIW_poonceonces_OnceOnce extends LitmusVars {
        @Actor
        public void p0() {
            writeOnce(mem, X, 1);
        }

        @Actor
        public void p1(IIII_Result r) {
            r.r1 = (int) readOnce(mem, X);
            r.r2 = (int) readOnce(mem, Y);
        }

        @Actor
        public void p2() {
            writeOnce(mem, Y, 1);
        }

        @Actor
        public void p3(IIII_Result r) {
            r.r3 = (int) readOnce(mem, Y);
            r.r4 = (int) readOnce(mem, X);
        }
    }

    /*
     * IRIW+fencembonceonces+OnceOnce: smp_mb() between each reader's loads. LKMM Never (its
     * propagation rule: full barriers make all CPUs agree on the order of the stores).
     *   -t 'IndependentReads.IRIW_fencembonceonces_OnceOnce'
     */
    @JCStressTest
    @JCStressMeta(IndependentReads.class)
    @LitmusTest(name = "IRIW+fencembonceonces+OnceOnce",
            path = "tools/memory-model/litmus-tests/IRIW+fencembonceonces+OnceOnce.litmus",
            lkmm = Lkmm.NEVER, x86 = Tso.FORBIDDEN, threads = 4)
    @Description("IRIW+fencembonceonces+OnceOnce: as IRIW+poonceonces+OnceOnce with smp_mb() between the reads "
            + "(LKMM: Never)")
    @Outcome(id = READERS_DISAGREE, expect = Expect.FORBIDDEN,
            desc = "the readers saw the stores in opposite orders despite smp_mb()")
    @State
    public static class IRIW_fencembonceonces_OnceOnce extends LitmusVars {
        @Actor
        public void p0() {
            writeOnce(mem, X, 1);
        }

        @Actor
        public void p1(IIII_Result r) {
            r.r1 = (int) readOnce(mem, X);
            smpMb();
            r.r2 = (int) readOnce(mem, Y);
        }

        @Actor
        public void p2() {
            writeOnce(mem, Y, 1);
        }

        @Actor
        public void p3(IIII_Result r) {
            r.r3 = (int) readOnce(mem, Y);
            smpMb();
            r.r4 = (int) readOnce(mem, X);
        }
    }
}
