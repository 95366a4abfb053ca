package dev.pageflags.stress.litmus;

import dev.pageflags.mm.SpinLock;
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

import static dev.pageflags.mm.Barriers.smpLoadAcquire;
import static dev.pageflags.mm.Barriers.smpStoreRelease;
import static dev.pageflags.mm.Bitops.testAndSetBit;
import static dev.pageflags.mm.Rwonce.readOnce;
import static dev.pageflags.mm.Rwonce.writeOnce;

/*
 * The locking tests of Documentation/litmus-tests/locking, with the model's SpinLock (acquire CAS to
 * take, release store to drop; on x86 a lock cmpxchg and a plain mov, as the kernel's qspinlock).
 *
 * How to run: java -jar stress/target/jcstress.jar -t 'litmus.Locking' -sc false \
 *   -jvmArgs -XX:TieredStopAtLevel=4 -f 1 -iters 2 -time 500 -af NONE -strideSize 4
 */
@Ref("https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/Documentation/litmus-tests/locking")
public final class Locking {
    /** Double-checked locking, P0 read data = 0: it took the fast path on a flag whose data it missed. */
    static final String P0_MISSED_DATA = "0, 1";
    static final String P1_MISSED_DATA = "1, 0";

    private Locking() {
    }

    /**
     * Double-checked locking: both threads run the same initialisation, with the fast-path flag read
     * and written as {@link #readFlag} and {@link #publishFlag} say. Results: each thread's final
     * READ_ONCE(data). The thread that initialises reads its own store, so at most one can see 0.
     */
    public abstract static class DoubleCheckedInit extends LitmusVars {
        static final int FLAG = X;
        static final int DATA = Y;

        final SpinLock lck = new SpinLock();

        abstract long readFlag();

        abstract void publishFlag();

        final int initOnce() {
            if (readFlag() == 0) {
                lck.lock();
                if (readOnce(mem, FLAG) == 0) {
                    writeOnce(mem, DATA, 1);
                    publishFlag();
                }
                lck.unlock();
            }
            return (int) readOnce(mem, DATA);
        }
    }

    /*
     * DCL-broken: the fast path reads the flag with READ_ONCE and the initialiser writes it with
     * WRITE_ONCE. LKMM Sometimes: a thread that sees flag = 1 on the fast path takes no lock, so
     * nothing orders its load of data after the initialiser's store. x86-TSO forbids it (stores
     * propagate in order, loads are not reordered).
     *   -t 'Locking.DCL_broken'
     */
    @JCStressTest
    @LitmusTest(name = "DCL-broken", path = "Documentation/litmus-tests/locking/DCL-broken.litmus",
            lkmm = Lkmm.SOMETIMES, x86 = Tso.FORBIDDEN)
    @Description("DCL-broken: double-checked locking with READ_ONCE/WRITE_ONCE of the flag (LKMM: Sometimes)")
    @Outcome(id = {P0_MISSED_DATA, P1_MISSED_DATA}, expect = Expect.ACCEPTABLE_INTERESTING,
            desc = "a thread saw the flag on the fast path but not the data: allowed by LKMM, not by x86-TSO")
    @Outcome(id = "1, 1", expect = Expect.ACCEPTABLE, desc = "both saw the data")
    @Outcome(expect = Expect.FORBIDDEN, desc = "model error: nobody initialised, or the initialiser missed its own store")
    @State
    public static class DCL_broken extends DoubleCheckedInit {
        @Override
        long readFlag() {
            return readOnce(mem, FLAG);
        }

        @Override
        void publishFlag() {
            writeOnce(mem, FLAG, 1);
        }

        @Actor
        public void p0(II_Result r) {
            r.r1 = initOnce();
        }

        @Actor
        public void p1(II_Result r) {
            r.r2 = initOnce();
        }
    }

    /*
     * DCL-fixed: the fast path reads the flag with smp_load_acquire() and the initialiser publishes it
     * with smp_store_release(). LKMM Never.
     *   -t 'Locking.DCL_fixed'
     */
    @JCStressTest
    @LitmusTest(name = "DCL-fixed", path = "Documentation/litmus-tests/locking/DCL-fixed.litmus",
            lkmm = Lkmm.NEVER, x86 = Tso.FORBIDDEN)
    @Description("DCL-fixed: double-checked locking with smp_load_acquire/smp_store_release of the flag (LKMM: Never)")
    @Outcome(id = {P0_MISSED_DATA, P1_MISSED_DATA}, expect = Expect.FORBIDDEN,
            desc = "a thread saw the flag by acquire but not the data stored before its release")
    @Outcome(id = "1, 1", expect = Expect.ACCEPTABLE, desc = "both saw the data")
    @Outcome(expect = Expect.FORBIDDEN, desc = "model error: nobody initialised, or the initialiser missed its own store")
    @State
    public static class DCL_fixed extends DoubleCheckedInit {
        @Override
        long readFlag() {
            return smpLoadAcquire(mem, FLAG);
        }

        @Override
        void publishFlag() {
            smpStoreRelease(mem, FLAG, 1);
        }

        @Actor
        public void p0(II_Result r) {
            r.r1 = initOnce();
        }

        @Actor
        public void p1(II_Result r) {
            r.r2 = initOnce();
        }
    }

    /*
     * RM-fixed: P0 increments y and stores x = 1 under the lock; P1 loads x twice outside the lock
     * and then increments y under it. The filter keeps executions where P1's loads saw x go from 0 to
     * 1, i.e. P0's critical section ended between them; then P1's increment must be the second
     * (exists 1:r2=1 is Never). atomic_inc_return(y) is written as test_and_set_bit(0, y): y is only
     * touched under the lock, the first caller gets 0 (read as "returned 1"), the second 1 ("2").
     * Both are value-returning, fully ordered atomics.
     *   -t 'Locking.RM_fixed'
     *   Results: P1's two loads of x, and 1 or 2 for P1's increment.
     */
    @JCStressTest
    @LitmusTest(name = "RM-fixed", path = "Documentation/litmus-tests/locking/RM-fixed.litmus",
            lkmm = Lkmm.NEVER, x86 = Tso.FORBIDDEN)
    @Description("RM-fixed: P1 saw P0's critical-section store before taking the lock, so its increment "
            + "comes second (LKMM: Never)")
    @Outcome(id = RM_fixed.SAW_X_THEN_INCREMENTED_FIRST, expect = Expect.FORBIDDEN,
            desc = "P1 saw x change from 0 to 1 before taking the lock, yet its increment came first")
    @Outcome(id = {"0, 0, 1", "0, 0, 2", "1, 1, 2", "0, 1, 2"}, expect = Expect.ACCEPTABLE,
            desc = "outside the filter (x not seen to change), or P1's increment second")
    @Outcome(id = "1, 1, 1", expect = Expect.FORBIDDEN,
            desc = "P1 saw P0's critical-section store before taking the lock, yet its increment came first")
    @Outcome(expect = Expect.FORBIDDEN, desc = "model error: P1's second load of x went back to 0")
    @State
    public static class RM_fixed extends LitmusVars {
        static final String SAW_X_THEN_INCREMENTED_FIRST = "0, 1, 1";

        final SpinLock lck = new SpinLock();

        @Actor
        public void p0() {
            lck.lock();
            testAndSetBit(0, mem, Y);
            writeOnce(mem, X, 1);
            lck.unlock();
        }

        @Actor
        public void p1(III_Result r) {
            r.r1 = (int) readOnce(mem, X);
            r.r2 = (int) readOnce(mem, X);
            lck.lock();
            r.r3 = testAndSetBit(0, mem, Y) ? 2 : 1;
            lck.unlock();
        }
    }
}
