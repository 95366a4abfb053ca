package dev.pageflags.stress.litmus;

import dev.pageflags.mm.SpinLock;
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
import org.openjdk.jcstress.infra.results.III_Result;

import static dev.pageflags.mm.Barriers.smpLoadAcquire;
import static dev.pageflags.mm.Barriers.smpMb;
import static dev.pageflags.mm.Barriers.smpStoreRelease;
import static dev.pageflags.mm.Rwonce.readOnce;
import static dev.pageflags.mm.Rwonce.writeOnce;

/*
 * Message passing stretched over three threads (WRC and ISA2): a store to x reaches a reader through
 * a chain of two "saw it, then stored" links. Does the last reader, having seen the end of the chain,
 * also see x?
 *
 *   WRC:  P0: x = 1             P1: r0 = x; y = 1        P2: r0 = y; r1 = x
 *   ISA2: P0: x = 1; y = 1      P1: r0 = y; z = 1        P2: r0 = z; r1 = x
 *
 *   exists (1:r0=1 /\ 2:r0=1 /\ 2:r1=0): the chain was followed to its end, yet x was missed.
 *
 * x86-TSO (stores in order, multicopy atomic, loads in order) never shows it. These tests need 3
 * CPUs: JCStress skips them on smaller machines, and the suite lists them as not run. WRC's other
 * kernel variant (WRC+pooncerelease+fencermbonceonce+Once) needs smp_rmb(), which the model does
 * not have.
 *
 * How to run (on 3+ CPUs): java -jar stress/target/jcstress.jar -t 'litmus.Cumulativity' -sc false \
 *   -jvmArgs -XX:TieredStopAtLevel=4 -f 1 -iters 2 -time 500 -af NONE -strideSize 4
 *
 * Results: P1's load, then P2's two loads (the end of the chain, then x).
 */
@Outcome(id = {"0, 0, 0", "0, 0, 1", "0, 1, 0", "0, 1, 1", "1, 0, 0", "1, 0, 1", "1, 1, 1"},
        expect = Expect.ACCEPTABLE, desc = "the chain was broken somewhere, or P2 saw x")
@Outcome(expect = Expect.FORBIDDEN, desc = "model error: a load returned a value nobody stored")
@Ref("https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/tools/memory-model/litmus-tests")
public final class Cumulativity {
    /** The chain followed to its end, x missed. */
    static final String CHAIN_SEEN_X_MISSED = "1, 1, 0";

    private Cumulativity() {
    }

    /*
     * WRC+poonceonces+Once: no ordering. LKMM Sometimes (the version read here has no Result line;
     * the README lists it with the release/rmb variant as the two members of this class, and it has
     * no ordering at all); x86-TSO forbids it.
     *   -t 'Cumulativity.WRC_poonceonces_Once'
     */
    @JCStressTest
    @JCStressMeta(Cumulativity.class)
    @LitmusTest(name = "WRC+poonceonces+Once", path = "tools/memory-model/litmus-tests/WRC+poonceonces+Once.litmus",
            lkmm = Lkmm.SOMETIMES, x86 = Tso.FORBIDDEN, threads = 3)
    @Description("WRC+poonceonces+Once: write-to-read causality with no ordering (LKMM: Sometimes)")
    @Outcome(id = CHAIN_SEEN_X_MISSED, expect = Expect.ACCEPTABLE_INTERESTING,
            desc = "P2 saw P1's store, P1 had seen x, yet P2 missed x: allowed by LKMM, not by x86-TSO")
    @State
    public static class WRC_poonceonces_Once extends LitmusVars {
        @Actor
        public void p0() {
            writeOnce(mem, X, 1);
        }

        @Actor
        public void p1(III_Result r) {
            r.r1 = (int) readOnce(mem, X);
            writeOnce(mem, Y, 1);
        }

        @Actor
        public void p2(III_Result r) {
            r.r2 = (int) readOnce(mem, Y);
            r.r3 = (int) readOnce(mem, X);
        }
    }

    /*
     * ISA2+poonceonces: no ordering. LKMM Sometimes (no Result line in the version read here; the
     * README describes it as the release-acquire chain below with plain ONCE accesses); x86-TSO forbids it.
     *   -t 'Cumulativity.ISA2_poonceonces'
     */
    @JCStressTest
    @JCStressMeta(Cumulativity.class)
    @LitmusTest(name = "ISA2+poonceonces", path = "tools/memory-model/litmus-tests/ISA2+poonceonces.litmus",
            lkmm = Lkmm.SOMETIMES, x86 = Tso.FORBIDDEN, threads = 3)
    @Description("ISA2+poonceonces: a three-thread message-passing chain with no ordering (LKMM: Sometimes)")
    @Outcome(id = CHAIN_SEEN_X_MISSED, expect = Expect.ACCEPTABLE_INTERESTING,
            desc = "the chain was followed to its end, yet x was missed: allowed by LKMM, not by x86-TSO")
    @State
    public static class ISA2_poonceonces extends LitmusVars {
        @Actor
        public void p0() {
            writeOnce(mem, X, 1);
            writeOnce(mem, Y, 1);
        }

        @Actor
        public void p1(III_Result r) {
            r.r1 = (int) readOnce(mem, Y);
            writeOnce(mem, Z, 1);
        }

        @Actor
        public void p2(III_Result r) {
            r.r2 = (int) readOnce(mem, Z);
            r.r3 = (int) readOnce(mem, X);
        }
    }

    /*
     * ISA2+pooncerelease+poacquirerelease+poacquireonce: every link a release store read by an
     * acquire load. LKMM Never: a release-acquire chain orders P0's first store before P2's last load.
     *   -t 'Cumulativity.ISA2_pooncerelease_poacquirerelease_poacquireonce'
     */
    @JCStressTest
    @JCStressMeta(Cumulativity.class)
    @LitmusTest(name = "ISA2+pooncerelease+poacquirerelease+poacquireonce",
            path = "tools/memory-model/litmus-tests/ISA2+pooncerelease+poacquirerelease+poacquireonce.litmus",
            lkmm = Lkmm.NEVER, x86 = Tso.FORBIDDEN, threads = 3)
    @Description("ISA2+pooncerelease+poacquirerelease+poacquireonce: a release-acquire chain over three threads "
            + "(LKMM: Never)")
    @Outcome(id = CHAIN_SEEN_X_MISSED, expect = Expect.FORBIDDEN,
            desc = "the release-acquire chain was followed to its end, yet x was missed")
    @State
    public static class ISA2_pooncerelease_poacquirerelease_poacquireonce extends LitmusVars {
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
            r.r2 = (int) smpLoadAcquire(mem, Z);
            r.r3 = (int) readOnce(mem, X);
        }
    }

    /*
     * ISA2+pooncelock+pooncelock+pombonce: P0 and P1 do their parts under one spinlock, P2 takes no
     * lock and has smp_mb() between its loads. LKMM Never: the ordering of the two critical sections is
     * visible to a CPU outside them.
     *   -t 'Cumulativity.ISA2_pooncelock_pooncelock_pombonce'
     *   Results: P1's load of y, P2's load of z, P2's load of x.
     */
    @JCStressTest
    @JCStressMeta(Cumulativity.class)
    @LitmusTest(name = "ISA2+pooncelock+pooncelock+pombonce",
            path = "tools/memory-model/litmus-tests/ISA2+pooncelock+pooncelock+pombonce.litmus",
            lkmm = Lkmm.NEVER, x86 = Tso.FORBIDDEN, threads = 3)
    @Description("ISA2+pooncelock+pooncelock+pombonce: two critical sections of one lock, seen from outside "
            + "through smp_mb() (LKMM: Never)")
    @Outcome(id = CHAIN_SEEN_X_MISSED, expect = Expect.FORBIDDEN,
            desc = "P2 saw the second critical section's store but not the first one's")
    @State
    public static class ISA2_pooncelock_pooncelock_pombonce extends LitmusVars {
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
            r.r2 = (int) readOnce(mem, Z);
            smpMb();
            r.r3 = (int) readOnce(mem, X);
        }
    }
}
