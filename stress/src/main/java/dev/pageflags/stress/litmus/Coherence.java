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
import org.openjdk.jcstress.infra.results.I_Result;

import static dev.pageflags.mm.Rwonce.readOnce;
import static dev.pageflags.mm.Rwonce.writeOnce;

/*
 * Coherence: all CPUs agree on one order of the stores to each single variable, and each thread's
 * accesses to that variable respect it. LKMM guarantees it for every marked access (Never in all
 * four tests); so does x86, and so does Java's opaque mode, which is why the model maps READ_ONCE
 * and WRITE_ONCE to opaque and not to plain accesses: a plain Java field may be read twice and give
 * the newer value first (CoRR), the very thing READ_ONCE exists to prevent. This is also the
 * property race 003's same-word layout relies on.
 *
 * Two files of the set (CoRW, CoWW) have no Result line in the version read here; both are the
 * kernel's coherence tests and LKMM forbids their states (coherence is one of its axioms).
 *
 * How to run: java -jar stress/target/jcstress.jar -t 'litmus.Coherence' -sc false \
 *   -jvmArgs -XX:TieredStopAtLevel=4 -f 1 -iters 2 -time 500 -af NONE -strideSize 4
 */
@Ref("https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/tools/memory-model/litmus-tests")
public final class Coherence {
    private Coherence() {
    }

    /*
     * CoRR+poonceonce+Once: two successive READ_ONCE of x while another thread stores x = 1. Never:
     * the second load cannot return an older value than the first.
     *   -t 'Coherence.CoRR_poonceonce_Once'       Results: the two loads.
     */
    @JCStressTest
    @LitmusTest(name = "CoRR+poonceonce+Once", path = "tools/memory-model/litmus-tests/CoRR+poonceonce+Once.litmus",
            lkmm = Lkmm.NEVER, x86 = Tso.FORBIDDEN)
    @Description("CoRR+poonceonce+Once: read-read coherence of two READ_ONCE (LKMM: Never)")
    @Outcome(id = CoRR_poonceonce_Once.NEW_THEN_OLD, expect = Expect.FORBIDDEN,
            desc = "the second load returned an older value than the first")
    @Outcome(id = {"0, 0", "0, 1", "1, 1"}, expect = Expect.ACCEPTABLE, desc = "the loads saw x in store order")
    @Outcome(expect = Expect.FORBIDDEN, desc = "model error: a load returned a value nobody stored")
    @State
    public static class CoRR_poonceonce_Once extends LitmusVars {
        static final String NEW_THEN_OLD = "1, 0";

        @Actor
        public void p0() {
            writeOnce(mem, X, 1);
        }

        @Actor
        public void p1(II_Result r) {
            r.r1 = (int) readOnce(mem, X);
            r.r2 = (int) readOnce(mem, X);
        }
    }

    /*
     * CoRW+poonceonce+Once: P0 loads x and then stores x = 1; P1 stores x = 2. Never: if P0's load
     * read 2, P0's own later store must come after 2 in x's order, so x cannot end as 2.
     *   -t 'Coherence.CoRW_poonceonce_Once'       Results: P0's load, final x.
     */
    @JCStressTest
    @LitmusTest(name = "CoRW+poonceonce+Once", path = "tools/memory-model/litmus-tests/CoRW+poonceonce+Once.litmus",
            lkmm = Lkmm.NEVER, x86 = Tso.FORBIDDEN)
    @Description("CoRW+poonceonce+Once: read-write coherence (LKMM: Never)")
    @Outcome(id = CoRW_poonceonce_Once.READ_2_ENDS_2, expect = Expect.FORBIDDEN,
            desc = "P0 read P1's 2, yet its own later store came before 2 in x's order")
    @Outcome(id = {"0, 1", "0, 2", "2, 1"}, expect = Expect.ACCEPTABLE, desc = "consistent with one order of the stores")
    @Outcome(expect = Expect.FORBIDDEN, desc = "model error: a load returned a value nobody stored")
    @State
    public static class CoRW_poonceonce_Once extends LitmusVars {
        static final String READ_2_ENDS_2 = "2, 2";

        @Actor
        public void p0(II_Result r) {
            r.r1 = (int) readOnce(mem, X);
            writeOnce(mem, X, 1);
        }

        @Actor
        public void p1() {
            writeOnce(mem, X, 2);
        }

        @Arbiter
        public void finalX(II_Result r) {
            r.r2 = (int) readOnce(mem, X);
        }
    }

    /*
     * CoWR+poonceonce+Once: P0 stores x = 1 and loads x; P1 stores x = 2. Never: if P0's load saw 2,
     * 2 came after P0's own 1, so x cannot end as 1.
     *   -t 'Coherence.CoWR_poonceonce_Once'       Results: P0's load, final x.
     */
    @JCStressTest
    @LitmusTest(name = "CoWR+poonceonce+Once", path = "tools/memory-model/litmus-tests/CoWR+poonceonce+Once.litmus",
            lkmm = Lkmm.NEVER, x86 = Tso.FORBIDDEN)
    @Description("CoWR+poonceonce+Once: write-read coherence (LKMM: Never)")
    @Outcome(id = CoWR_poonceonce_Once.READ_2_ENDS_1, expect = Expect.FORBIDDEN,
            desc = "P0 read P1's 2 after its own store, yet x ends with P0's 1")
    @Outcome(id = {"1, 1", "1, 2", "2, 2"}, expect = Expect.ACCEPTABLE, desc = "consistent with one order of the stores")
    @Outcome(expect = Expect.FORBIDDEN, desc = "model error: a load returned a value nobody stored")
    @State
    public static class CoWR_poonceonce_Once extends LitmusVars {
        static final String READ_2_ENDS_1 = "2, 1";

        @Actor
        public void p0(II_Result r) {
            writeOnce(mem, X, 1);
            r.r1 = (int) readOnce(mem, X);
        }

        @Actor
        public void p1() {
            writeOnce(mem, X, 2);
        }

        @Arbiter
        public void finalX(II_Result r) {
            r.r2 = (int) readOnce(mem, X);
        }
    }

    /*
     * CoWW+poonceonce: one thread stores x = 1 then x = 2. Never: x cannot end as 1. The kernel's test
     * has a single thread, and so has this one (one actor, then the arbiter reads x).
     *   -t 'Coherence.CoWW_poonceonce'       Result: final x.
     */
    @JCStressTest
    @LitmusTest(name = "CoWW+poonceonce", path = "tools/memory-model/litmus-tests/CoWW+poonceonce.litmus",
            lkmm = Lkmm.NEVER, x86 = Tso.FORBIDDEN, threads = 1)
    @Description("CoWW+poonceonce: write-write coherence of one thread's two WRITE_ONCE (LKMM: Never)")
    @Outcome(id = CoWW_poonceonce.FIRST_STORE_LAST, expect = Expect.FORBIDDEN,
            desc = "x ends with the first of two stores")
    @Outcome(id = "2", expect = Expect.ACCEPTABLE, desc = "x ends with the second store")
    @Outcome(expect = Expect.FORBIDDEN, desc = "model error: x holds a value nobody stored")
    @State
    public static class CoWW_poonceonce extends LitmusVars {
        static final String FIRST_STORE_LAST = "1";

        @Actor
        public void p0() {
            writeOnce(mem, X, 1);
            writeOnce(mem, X, 2);
        }

        @Arbiter
        public void finalX(I_Result r) {
            r.r1 = (int) readOnce(mem, X);
        }
    }
}
