package dev.pageflags.stress.litmus;

import dev.pageflags.mm.SpinLock;
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
import org.openjdk.jcstress.infra.results.III_Result;

import static dev.pageflags.mm.Barriers.smpLoadAcquire;
import static dev.pageflags.mm.Barriers.smpMb;
import static dev.pageflags.mm.Barriers.smpStoreRelease;
import static dev.pageflags.mm.Rwonce.readOnce;
import static dev.pageflags.mm.Rwonce.writeOnce;

/*
 * Z6.0: a two-link chain (P0 -> P1 through y) whose second link is not a read but an overwrite: P2
 * stores z = 2 after P1's z = 1, then (after smp_mb()) loads x.
 *
 *   P0: x = 1; y = 1      P1: r0 = y; z = 1      P2: z = 2; smp_mb(); r1 = x
 *   exists (1:r0=1 /\ z=2 /\ 2:r1=0)
 *
 * With two links that are not reads-from (P1 -> P2 by coherence, P2 -> P0 by from-read), LKMM needs
 * a full barrier per link: the lock handoff and the release-acquire chain below are not enough, so
 * both are Sometimes. x86-TSO forbids the state: P1 saw y = 1, so x = 1 was already visible to all;
 * z = 2 comes after P1's z = 1 in z's order, and P2's smp_mb() drains it before its load of x. The
 * kernel's third Z6.0 test (+poonceLock, with smp_mb__after_spinlock()) uses a primitive the model
 * does not have. Both tests need 3 CPUs: JCStress skips them on smaller machines.
 *
 * How to run (on 3+ CPUs): java -jar stress/target/jcstress.jar -t 'litmus.Z6Shape' -sc false \
 *   -jvmArgs -XX:TieredStopAtLevel=4 -f 1 -iters 2 -time 500 -af NONE -strideSize 4
 *
 * Results: P1's load of y, the final value of z (read by the arbiter), P2's load of x.
 */
@Outcome(id = {"0, 1, 0", "0, 1, 1", "0, 2, 0", "0, 2, 1", "1, 1, 0", "1, 1, 1", "1, 2, 1"},
        expect = Expect.ACCEPTABLE, desc = "P1 missed y, P1's z came last, or P2 saw x")
@Outcome(expect = Expect.FORBIDDEN, desc = "model error: a load returned a value nobody stored")
@Ref("https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/tools/memory-model/litmus-tests")
public final class Z6Shape {
    /** P1 saw y, P2's z = 2 came last, yet P2 missed x. */
    static final String OVERWRITE_THEN_MISSED_X = "1, 2, 0";

    private Z6Shape() {
    }

    /*
     * Z6.0+pooncelock+pooncelock+pombonce: P0 and P1 under one spinlock. LKMM Sometimes (the file's
     * Result line as a patch on the list quotes it; the version read here has none): an unlock-lock handoff orders the critical sections for
     * their holders, not for a CPU that takes no lock.
     *   -t 'Z6Shape.Z6_0_pooncelock_pooncelock_pombonce'
     */
    @JCStressTest
    @JCStressMeta(Z6Shape.class)
    @LitmusTest(name = "Z6.0+pooncelock+pooncelock+pombonce",
            path = "tools/memory-model/litmus-tests/Z6.0+pooncelock+pooncelock+pombonce.litmus",
            lkmm = Lkmm.SOMETIMES, x86 = Tso.FORBIDDEN, threads = 3)
    @Description("Z6.0+pooncelock+pooncelock+pombonce: lock handoff seen by a CPU outside the lock (LKMM: Sometimes)")
    @Outcome(id = OVERWRITE_THEN_MISSED_X, expect = Expect.ACCEPTABLE_INTERESTING,
            desc = "P1 saw y, P2's z came last, yet P2 missed x: allowed by LKMM, not by x86-TSO")
    @State
    public static class Z6_0_pooncelock_pooncelock_pombonce extends LitmusVars {
        final SpinLock mylock = new SpinLock();

        @Actor
        public void p0() {
            mylock.lock();
            writeOnce(mem, X, 1);
            writeOnce(mem, Y, 1);
            mylock.unlock();
        }

        @Actor
        public void p1(III_Result r) {
            mylock.lock();
            r.r1 = (int) readOnce(mem, Y);
            writeOnce(mem, Z, 1);
            mylock.unlock();
        }

        @Actor
        public void p2(III_Result r) {
            writeOnce(mem, Z, 2);
            smpMb();
            r.r3 = (int) readOnce(mem, X);
        }

        @Arbiter
        public void finalZ(III_Result r) {
            r.r2 = (int) readOnce(mem, Z);
        }
    }

    /*
     * Z6.0+pooncerelease+poacquirerelease+fencembonceonce: the P0 -> P1 link by release-acquire.
     * LKMM Sometimes: release-acquire suffices for one non-reads-from link, not for two.
     *   -t 'Z6Shape.Z6_0_pooncerelease_poacquirerelease_fencembonceonce'
     */
    @JCStressTest
    @JCStressMeta(Z6Shape.class)
    @LitmusTest(name = "Z6.0+pooncerelease+poacquirerelease+fencembonceonce",
            path = "tools/memory-model/litmus-tests/Z6.0+pooncerelease+poacquirerelease+fencembonceonce.litmus",
            lkmm = Lkmm.SOMETIMES, x86 = Tso.FORBIDDEN, threads = 3)
    @Description("Z6.0+pooncerelease+poacquirerelease+fencembonceonce: a release-acquire chain with two "
            + "non-reads-from links (LKMM: Sometimes)")
    @Outcome(id = OVERWRITE_THEN_MISSED_X, expect = Expect.ACCEPTABLE_INTERESTING,
            desc = "P1 saw y, P2's z came last, yet P2 missed x: allowed by LKMM, not by x86-TSO")
    @State
    public static class Z6_0_pooncerelease_poacquirerelease_fencembonceonce extends LitmusVars {
        @Actor
        public void p0() {
            writeOnce(mem, X, 1);
            smpStoreRelease(mem, Y, 1);
        }

        @Actor
        public void p1(III_Result r) {
            r.r1 = (int) smpLoadAcquire(mem, Y);
            smpStoreRelease(mem, Z, 1);
        }

        @Actor
        public void p2(III_Result r) {
            writeOnce(mem, Z, 2);
            smpMb();
            r.r3 = (int) readOnce(mem, X);
        }

        @Arbiter
        public void finalZ(III_Result r) {
            r.r2 = (int) readOnce(mem, Z);
        }
    }
}
