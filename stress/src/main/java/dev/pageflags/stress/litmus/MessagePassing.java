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
import org.openjdk.jcstress.infra.results.II_Result;

import static dev.pageflags.mm.Barriers.smpLoadAcquire;
import static dev.pageflags.mm.Barriers.smpStoreRelease;
import static dev.pageflags.mm.Rwonce.readOnce;
import static dev.pageflags.mm.Rwonce.writeOnce;

/*
 * Message passing (MP): one thread writes the data x and then the flag y; the other reads the flag
 * and then the data.
 *
 *   writer                  reader
 *   WRITE_ONCE(x, 1)        r0 = READ_ONCE(y)
 *   WRITE_ONCE(y, 1)        r1 = READ_ONCE(x)
 *
 *   exists (r0=1 /\ r1=0): the reader saw the flag but not the data.
 *
 * x86-TSO never shows it: stores become visible in program order and loads are not reordered with
 * each other. So on x86 these tests can only catch a mapping that is too weak in the compiler (a
 * JIT that reorders the two opaque stores or the two loads), not one that the hardware would
 * reorder; MP+poonceonces, Sometimes in LKMM, is reported as "allowed, not reachable on x86".
 * The same holds for the spin_is_locked() variant at the end.
 *
 * How to run: java -jar stress/target/jcstress.jar -t 'litmus.MessagePassing' -sc false \
 *   -jvmArgs -XX:TieredStopAtLevel=4 -f 1 -iters 2 -time 500 -af NONE -strideSize 4
 *
 * Results: r1 = the reader's load of the flag y, r2 = its load of the data x.
 */
@Outcome(id = {"0, 0", "0, 1"}, expect = Expect.ACCEPTABLE, desc = "the reader did not see the flag")
@Outcome(id = "1, 1", expect = Expect.ACCEPTABLE, desc = "the reader saw the flag and the data")
@Outcome(expect = Expect.FORBIDDEN, desc = "model error: a load returned a value nobody stored")
@Ref("https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/tools/memory-model/litmus-tests")
public final class MessagePassing {
    /** The litmus test's exists state: flag seen, data not. */
    static final String FLAG_WITHOUT_DATA = "1, 0";

    private MessagePassing() {
    }

    /*
     * MP+poonceonces: no ordering at all. LKMM Sometimes (a weakly ordered CPU may propagate the
     * stores, or satisfy the loads, out of order); x86-TSO forbids it.
     *   -t 'MessagePassing.MP_poonceonces'
     */
    @JCStressTest
    @JCStressMeta(MessagePassing.class)
    @LitmusTest(name = "MP+poonceonces", path = "tools/memory-model/litmus-tests/MP+poonceonces.litmus",
            lkmm = Lkmm.SOMETIMES, x86 = Tso.FORBIDDEN)
    @Description("MP+poonceonces: WRITE_ONCE data, WRITE_ONCE flag; READ_ONCE flag, READ_ONCE data (LKMM: Sometimes)")
    @Outcome(id = FLAG_WITHOUT_DATA, expect = Expect.ACCEPTABLE_INTERESTING,
            desc = "flag seen, data not: allowed by LKMM, not by x86-TSO")
    @State
    public static class MP_poonceonces extends LitmusVars {
        @Actor
        public void writer() {
            writeOnce(mem, X, 1);
            writeOnce(mem, Y, 1);
        }

        @Actor
        public void reader(II_Result r) {
            r.r1 = (int) readOnce(mem, Y);
            r.r2 = (int) readOnce(mem, X);
        }
    }

    /*
     * MP+pooncerelease+poacquireonce: the flag is written with smp_store_release() and read with
     * smp_load_acquire(). LKMM Never. The model maps them to setRelease/getAcquire, which forbid the
     * state in Java too; on x86 both are plain movs, kept in order by the JIT's release/acquire.
     *   -t 'MessagePassing.MP_pooncerelease_poacquireonce'
     */
    @JCStressTest
    @JCStressMeta(MessagePassing.class)
    @LitmusTest(name = "MP+pooncerelease+poacquireonce",
            path = "tools/memory-model/litmus-tests/MP+pooncerelease+poacquireonce.litmus",
            lkmm = Lkmm.NEVER, x86 = Tso.FORBIDDEN)
    @Description("MP+pooncerelease+poacquireonce: the flag by smp_store_release / smp_load_acquire (LKMM: Never)")
    @Outcome(id = FLAG_WITHOUT_DATA, expect = Expect.FORBIDDEN,
            desc = "flag seen, data not, through a release-acquire pair")
    @State
    public static class MP_pooncerelease_poacquireonce extends LitmusVars {
        @Actor
        public void writer() {
            writeOnce(mem, X, 1);
            smpStoreRelease(mem, Y, 1);
        }

        @Actor
        public void reader(II_Result r) {
            r.r1 = (int) smpLoadAcquire(mem, Y);
            r.r2 = (int) readOnce(mem, X);
        }
    }

    /*
     * MP+polocks: the writer's flag store and the reader's flag load are each inside a critical
     * section of the same spinlock (the model's SpinLock: acquire CAS, release store). LKMM Never:
     * lock and unlock stand in for acquire and release, and a lock holder sees everything the
     * previous holder did before its unlock, including what it did before taking the lock.
     *   -t 'MessagePassing.MP_polocks'
     */
    @JCStressTest
    @JCStressMeta(MessagePassing.class)
    @LitmusTest(name = "MP+polocks", path = "tools/memory-model/litmus-tests/MP+polocks.litmus",
            lkmm = Lkmm.NEVER, x86 = Tso.FORBIDDEN)
    @Description("MP+polocks: flag store and flag load each under the same spinlock (LKMM: Never)")
    @Outcome(id = FLAG_WITHOUT_DATA, expect = Expect.FORBIDDEN,
            desc = "flag seen under the lock, data written before the lock not seen after it")
    @State
    public static class MP_polocks extends LitmusVars {
        final SpinLock mylock = new SpinLock();

        @Actor
        public void writer() {
            writeOnce(mem, X, 1);
            mylock.lock();
            writeOnce(mem, Y, 1);
            mylock.unlock();
        }

        @Actor
        public void reader(II_Result r) {
            mylock.lock();
            r.r1 = (int) readOnce(mem, Y);
            mylock.unlock();
            r.r2 = (int) readOnce(mem, X);
        }
    }

    /*
     * MP+porevlocks: the other half under the lock: the writer's data store and the reader's data
     * load. LKMM Never.
     *   -t 'MessagePassing.MP_porevlocks'
     */
    @JCStressTest
    @JCStressMeta(MessagePassing.class)
    @LitmusTest(name = "MP+porevlocks", path = "tools/memory-model/litmus-tests/MP+porevlocks.litmus",
            lkmm = Lkmm.NEVER, x86 = Tso.FORBIDDEN)
    @Description("MP+porevlocks: data store and data load each under the same spinlock (LKMM: Never)")
    @Outcome(id = FLAG_WITHOUT_DATA, expect = Expect.FORBIDDEN,
            desc = "flag (written after the unlock) seen, data written under the lock not seen under it")
    @State
    public static class MP_porevlocks extends LitmusVars {
        final SpinLock mylock = new SpinLock();

        @Actor
        public void reader(II_Result r) {
            r.r1 = (int) readOnce(mem, Y);
            mylock.lock();
            r.r2 = (int) readOnce(mem, X);
            mylock.unlock();
        }

        @Actor
        public void writer() {
            mylock.lock();
            writeOnce(mem, X, 1);
            mylock.unlock();
            writeOnce(mem, Y, 1);
        }
    }

    /*
     * MP+polockonce+poacquiresilsil: can an observer that does not take the lock use
     * spin_is_locked() to order itself against the critical section? P0 writes x under the lock; P1
     * reads x with acquire and then samples spin_is_locked() twice. The exists state (x seen, then
     * "unlocked", then "locked") says P1's acquire load ran before the lock was taken, yet saw the
     * store made under it. LKMM Sometimes: the store that takes the lock need not propagate before
     * the stores of the critical section. x86 forbids it: the lock is taken by a locked cmpxchg, a
     * full barrier, so the lock word is visible before x = 1, and P1's loads stay in order.
     *   -t 'MessagePassing.MP_polockonce_poacquiresilsil'
     * Results: r1 = smp_load_acquire(x), r2 and r3 = the two spin_is_locked().
     */
    @JCStressTest
    @LitmusTest(name = "MP+polockonce+poacquiresilsil",
            path = "tools/memory-model/litmus-tests/MP+polockonce+poacquiresilsil.litmus",
            lkmm = Lkmm.SOMETIMES, x86 = Tso.FORBIDDEN)
    @Description("MP+polockonce+poacquiresilsil: x written under a lock, read by acquire, then two "
            + "spin_is_locked() (LKMM: Sometimes)")
    @Outcome(id = MP_polockonce_poacquiresilsil.STORE_BEFORE_LOCK, expect = Expect.ACCEPTABLE_INTERESTING,
            desc = "x seen, then unlocked, then locked: the critical section's store seen before the lock was")
    @Outcome(id = {"0, 0, 0", "0, 0, 1", "0, 1, 0", "0, 1, 1", "1, 0, 0", "1, 1, 0", "1, 1, 1"},
            expect = Expect.ACCEPTABLE, desc = "consistent with the lock's order")
    @Outcome(expect = Expect.FORBIDDEN, desc = "model error: a load returned a value nobody stored")
    @State
    public static class MP_polockonce_poacquiresilsil extends LitmusVars {
        static final String STORE_BEFORE_LOCK = "1, 0, 1";

        final SpinLock lo = new SpinLock();

        @Actor
        public void p0() {
            lo.lock();
            writeOnce(mem, X, 1);
            lo.unlock();
        }

        @Actor
        public void p1(III_Result r) {
            r.r1 = (int) smpLoadAcquire(mem, X);
            r.r2 = lo.isLocked() ? 1 : 0;
            r.r3 = lo.isLocked() ? 1 : 0;
        }
    }
}
