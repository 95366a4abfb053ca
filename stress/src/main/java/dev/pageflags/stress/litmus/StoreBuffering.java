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
import org.openjdk.jcstress.infra.results.II_Result;

import static dev.pageflags.mm.Barriers.smpMb;
import static dev.pageflags.mm.Rwonce.readOnce;
import static dev.pageflags.mm.Rwonce.writeOnce;

/*
 * Store buffering (SB), the shape of Dekker's algorithm and of race 003: each thread stores to one
 * variable and then loads the other.
 *
 *   P0                      P1
 *   WRITE_ONCE(x, 1)        WRITE_ONCE(y, 1)
 *   [smp_mb()]              [smp_mb()]
 *   r0 = READ_ONCE(y)       r0 = READ_ONCE(x)
 *
 *   exists (0:r0=0 /\ 1:r0=0): both loads missed the other thread's store.
 *
 * This is the one reordering x86-TSO itself does: a store waits in the CPU's store buffer while a
 * later load of another address reads the cache. So it is the shape in which a mapping that is too
 * strong shows: if the model's WRITE_ONCE were a volatile store (xchg, or mov + lock addl, on x86)
 * the store buffer would be drained after every store and SB_poonceonces would never show the
 * state. Only smp_mb() on both sides forbids it, in LKMM and on x86.
 *
 * How to run these tests (one JVM configuration, two on JDK 17, 2 x 500 ms of sampling in each):
 *   java -jar stress/target/jcstress.jar -t 'litmus.StoreBuffering' -sc false \
 *        -jvmArgs -XX:TieredStopAtLevel=4 -f 1 -iters 2 -time 500 -af NONE -strideSize 4
 *
 * Observed counts: results/reference/stress/litmus.md (the suite's reference run); the mutations that
 * turn these tests red, with their counts: results/reference/mutations/.
 */
@Outcome(id = {"0, 1", "1, 0"}, expect = Expect.ACCEPTABLE, desc = "one load saw the other thread's store")
@Outcome(id = "1, 1", expect = Expect.ACCEPTABLE, desc = "both loads saw the other thread's store")
@Outcome(expect = Expect.FORBIDDEN, desc = "model error: a load returned a value nobody stored")
@Ref("https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/tools/memory-model/litmus-tests")
public final class StoreBuffering {
    /** The litmus test's exists state: both loads read the initial 0. */
    static final String BOTH_MISSED = "0, 0";

    private StoreBuffering() {
    }

    /*
     * SB+poonceonces: no barrier. LKMM Sometimes; x86 allows it (the stores wait in the store
     * buffers while the loads read the caches), so it must be observed: if it is not, the model's
     * WRITE_ONCE or READ_ONCE carries a fence the kernel's does not.
     *   -t 'StoreBuffering.SB_poonceonces'
     */
    @JCStressTest
    @JCStressMeta(StoreBuffering.class)
    @LitmusTest(name = "SB+poonceonces", path = "tools/memory-model/litmus-tests/SB+poonceonces.litmus",
            lkmm = Lkmm.SOMETIMES, x86 = Tso.ALLOWED)
    @Description("SB+poonceonces: WRITE_ONCE then READ_ONCE of the other variable, no barrier (LKMM: Sometimes)")
    @Outcome(id = BOTH_MISSED, expect = Expect.ACCEPTABLE_INTERESTING,
            desc = "both loads missed the other store: store buffering, allowed by LKMM and by x86-TSO")
    @State
    public static class SB_poonceonces extends LitmusVars {
        @Actor
        public void p0(II_Result r) {
            writeOnce(mem, X, 1);
            r.r1 = (int) readOnce(mem, Y);
        }

        @Actor
        public void p1(II_Result r) {
            writeOnce(mem, Y, 1);
            r.r2 = (int) readOnce(mem, X);
        }
    }

    /*
     * SB+fencembonceonces: smp_mb() between the store and the load on both sides. LKMM Never; on x86
     * the model's smp_mb() is VarHandle.fullFence() (lock addl or mfence), which drains the store
     * buffer before the load. Seeing the state means smp_mb() is weaker than a full barrier.
     *   -t 'StoreBuffering.SB_fencembonceonces'
     */
    @JCStressTest
    @JCStressMeta(StoreBuffering.class)
    @LitmusTest(name = "SB+fencembonceonces", path = "tools/memory-model/litmus-tests/SB+fencembonceonces.litmus",
            lkmm = Lkmm.NEVER, x86 = Tso.FORBIDDEN)
    @Description("SB+fencembonceonces: as SB+poonceonces with smp_mb() between store and load (LKMM: Never)")
    @Outcome(id = BOTH_MISSED, expect = Expect.FORBIDDEN,
            desc = "both loads missed the other store although smp_mb() separates store and load")
    @State
    public static class SB_fencembonceonces extends LitmusVars {
        @Actor
        public void p0(II_Result r) {
            writeOnce(mem, X, 1);
            smpMb();
            r.r1 = (int) readOnce(mem, Y);
        }

        @Actor
        public void p1(II_Result r) {
            writeOnce(mem, Y, 1);
            smpMb();
            r.r2 = (int) readOnce(mem, X);
        }
    }

    /*
     * SB+rfionceonce-poonceonces: as SB+poonceonces, but each thread first reads back its own store.
     * LKMM Sometimes: reading one's own store early (from the store buffer) does not make it visible
     * to the other thread, so LKMM is not multicopy atomic here, and neither is x86-TSO: it allows the
     * state, which must be observed. The reads of one's own store must return it (coherence): any
     * other value falls to the catch-all as a model error.
     *   -t 'StoreBuffering.SB_rfionceonce_poonceonces'
     * Results: r1 = P0's read of x, r2 = P0's read of y, r3 = P1's read of y, r4 = P1's read of x.
     */
    @JCStressTest
    @LitmusTest(name = "SB+rfionceonce-poonceonces",
            path = "tools/memory-model/litmus-tests/SB+rfionceonce-poonceonces.litmus",
            lkmm = Lkmm.SOMETIMES, x86 = Tso.ALLOWED)
    @Description("SB+rfionceonce-poonceonces: SB where each thread reads its own store back first (LKMM: Sometimes)")
    @Outcome(id = SB_rfionceonce_poonceonces.BOTH_MISSED, expect = Expect.ACCEPTABLE_INTERESTING,
            desc = "each read its own store, yet both missed the other's: forwarding from the store buffer")
    @Outcome(id = {"1, 0, 1, 1", "1, 1, 1, 0", "1, 1, 1, 1"}, expect = Expect.ACCEPTABLE,
            desc = "at least one thread saw the other's store")
    @Outcome(expect = Expect.FORBIDDEN, desc = "model error: a thread did not read back its own store (coherence)")
    @State
    public static class SB_rfionceonce_poonceonces extends LitmusVars {
        static final String BOTH_MISSED = "1, 0, 1, 0";

        @Actor
        public void p0(IIII_Result r) {
            writeOnce(mem, X, 1);
            r.r1 = (int) readOnce(mem, X);
            r.r2 = (int) readOnce(mem, Y);
        }

        @Actor
        public void p1(IIII_Result r) {
            writeOnce(mem, Y, 1);
            r.r3 = (int) readOnce(mem, Y);
            r.r4 = (int) readOnce(mem, X);
        }
    }
}
