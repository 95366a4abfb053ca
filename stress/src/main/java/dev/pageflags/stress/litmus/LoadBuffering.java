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
import org.openjdk.jcstress.infra.results.II_Result;

import static dev.pageflags.mm.Barriers.smpLoadAcquire;
import static dev.pageflags.mm.Barriers.smpMb;
import static dev.pageflags.mm.Barriers.smpStoreRelease;
import static dev.pageflags.mm.Rwonce.readOnce;
import static dev.pageflags.mm.Rwonce.writeOnce;

/*
 * Load buffering (LB): each thread loads one variable and then stores 1 to the other.
 *
 *   P0                      P1
 *   r0 = READ_ONCE(x)       r0 = READ_ONCE(y)
 *   WRITE_ONCE(y, 1)        WRITE_ONCE(x, 1)
 *
 *   exists (0:r0=1 /\ 1:r0=1): each load read the store that comes after the other thread's load.
 *
 * x86-TSO never reorders a load with a later store, so none of these states can appear on x86
 * whatever the mapping; the Never tests guard against a compiler that moves a store above a load.
 * LB+poonceonces (Sometimes in LKMM) is reported as "allowed, not reachable on x86".
 *
 * How to run: java -jar stress/target/jcstress.jar -t 'litmus.LoadBuffering' -sc false \
 *   -jvmArgs -XX:TieredStopAtLevel=4 -f 1 -iters 2 -time 500 -af NONE -strideSize 4
 */
@Outcome(id = {"0, 0", "0, 1", "1, 0"}, expect = Expect.ACCEPTABLE,
        desc = "at least one load ran before the other thread's store")
@Outcome(expect = Expect.FORBIDDEN, desc = "model error: a load returned a value nobody stored")
@Ref("https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/tools/memory-model/litmus-tests")
public final class LoadBuffering {
    /** The litmus test's exists state: both loads read the other thread's later store. */
    static final String BOTH_READ_LATER_STORE = "1, 1";

    private LoadBuffering() {
    }

    /*
     * LB+poonceonces: no ordering. LKMM Sometimes (a CPU may let the store go ahead of an earlier
     * load that misses its cache); x86-TSO forbids it.
     *   -t 'LoadBuffering.LB_poonceonces'
     */
    @JCStressTest
    @JCStressMeta(LoadBuffering.class)
    @LitmusTest(name = "LB+poonceonces", path = "tools/memory-model/litmus-tests/LB+poonceonces.litmus",
            lkmm = Lkmm.SOMETIMES, x86 = Tso.FORBIDDEN)
    @Description("LB+poonceonces: READ_ONCE then WRITE_ONCE of the other variable (LKMM: Sometimes)")
    @Outcome(id = BOTH_READ_LATER_STORE, expect = Expect.ACCEPTABLE_INTERESTING,
            desc = "each load saw the other thread's later store: allowed by LKMM, not by x86-TSO")
    @State
    public static class LB_poonceonces extends LitmusVars {
        @Actor
        public void p0(II_Result r) {
            r.r1 = (int) readOnce(mem, X);
            writeOnce(mem, Y, 1);
        }

        @Actor
        public void p1(II_Result r) {
            r.r2 = (int) readOnce(mem, Y);
            writeOnce(mem, X, 1);
        }
    }

    /*
     * LB+poacquireonce+pooncerelease: P0's store is smp_store_release(), P1's load
     * smp_load_acquire(). LKMM Never: release orders P0's load before its store, acquire orders P1's
     * load before its store.
     *   -t 'LoadBuffering.LB_poacquireonce_pooncerelease'
     */
    @JCStressTest
    @JCStressMeta(LoadBuffering.class)
    @LitmusTest(name = "LB+poacquireonce+pooncerelease",
            path = "tools/memory-model/litmus-tests/LB+poacquireonce+pooncerelease.litmus",
            lkmm = Lkmm.NEVER, x86 = Tso.FORBIDDEN)
    @Description("LB+poacquireonce+pooncerelease: release store on one side, acquire load on the other (LKMM: Never)")
    @Outcome(id = BOTH_READ_LATER_STORE, expect = Expect.FORBIDDEN,
            desc = "each load saw the other thread's later store, across a release and an acquire")
    @State
    public static class LB_poacquireonce_pooncerelease extends LitmusVars {
        @Actor
        public void p0(II_Result r) {
            r.r1 = (int) readOnce(mem, X);
            smpStoreRelease(mem, Y, 1);
        }

        @Actor
        public void p1(II_Result r) {
            r.r2 = (int) smpLoadAcquire(mem, Y);
            writeOnce(mem, X, 1);
        }
    }

    /*
     * LB+fencembonceonce+ctrlonceonce: P0 stores only if its load returned non-zero (a control
     * dependency), P1 has smp_mb() between load and store. LKMM Never: no CPU makes a store visible
     * before the branch it depends on is resolved. Java's memory model does not itself promise
     * control-dependency ordering; HotSpot never speculates a store, so the model keeps it in
     * practice, and this test is where that would show.
     *   -t 'LoadBuffering.LB_fencembonceonce_ctrlonceonce'
     */
    @JCStressTest
    @JCStressMeta(LoadBuffering.class)
    @LitmusTest(name = "LB+fencembonceonce+ctrlonceonce",
            path = "tools/memory-model/litmus-tests/LB+fencembonceonce+ctrlonceonce.litmus",
            lkmm = Lkmm.NEVER, x86 = Tso.FORBIDDEN)
    @Description("LB+fencembonceonce+ctrlonceonce: a control dependency on one side, smp_mb() on the other (LKMM: Never)")
    @Outcome(id = BOTH_READ_LATER_STORE, expect = Expect.FORBIDDEN,
            desc = "each load saw the other thread's later store, across a control dependency and smp_mb()")
    @State
    public static class LB_fencembonceonce_ctrlonceonce extends LitmusVars {
        @Actor
        public void p0(II_Result r) {
            long r0 = readOnce(mem, X);
            if (r0 != 0) {
                writeOnce(mem, Y, 1);
            }
            r.r1 = (int) r0;
        }

        @Actor
        public void p1(II_Result r) {
            r.r2 = (int) readOnce(mem, Y);
            smpMb();
            writeOnce(mem, X, 1);
        }
    }

    /*
     * LB+unlocklockonceonce+poacquireonce: P0 loads x in a critical section of lock s and stores y
     * in a later one of another lock t. LKMM Never: an unlock followed by a lock on the same CPU
     * orders everything before the unlock before everything after the lock, even for two different
     * locks. In the model: the unlock is a release store, the next lock an acquire CAS.
     *   -t 'LoadBuffering.LB_unlocklockonceonce_poacquireonce'
     */
    @JCStressTest
    @JCStressMeta(LoadBuffering.class)
    @LitmusTest(name = "LB+unlocklockonceonce+poacquireonce",
            path = "tools/memory-model/litmus-tests/LB+unlocklockonceonce+poacquireonce.litmus",
            lkmm = Lkmm.NEVER, x86 = Tso.FORBIDDEN)
    @Description("LB+unlocklockonceonce+poacquireonce: load under lock s, store under lock t; acquire load "
            + "then store on the other side (LKMM: Never)")
    @Outcome(id = BOTH_READ_LATER_STORE, expect = Expect.FORBIDDEN,
            desc = "each load saw the other thread's later store, across unlock(s)+lock(t) and an acquire")
    @State
    public static class LB_unlocklockonceonce_poacquireonce extends LitmusVars {
        final SpinLock s = new SpinLock();
        final SpinLock t = new SpinLock();

        @Actor
        public void p0(II_Result r) {
            s.lock();
            r.r1 = (int) readOnce(mem, X);
            s.unlock();
            t.lock();
            writeOnce(mem, Y, 1);
            t.unlock();
        }

        @Actor
        public void p1(II_Result r) {
            r.r2 = (int) smpLoadAcquire(mem, Y);
            writeOnce(mem, X, 1);
        }
    }
}
