package dev.pageflags.stress.calibration;

import dev.pageflags.stress.Calibration;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/*
 * The floor of a two-actor sample: JCStress's own work per sample (a fresh @State, two actor calls,
 * the arbiter, the result counted, the rendezvous every stride) around two plain stores. The race
 * tests have the same shape (two actors, an arbiter reading the end state) and run in the same
 * JCStress process with the same options; what they spend beyond this test's time per sample is
 * their own setup and steps.
 *
 * The arbiter runs after both actors returned, so it always sees both stores: "1, 2" is the only
 * state. Any other is a harness error, caught by the FORBIDDEN catch-all.
 *
 * How to run this test (the races' options under the quick budget on JDK 17):
 *   java -jar stress/target/jcstress.jar -t TwoActorWrites -sc false -jvmArgs -XX:TieredStopAtLevel=4 \
 *        -f 1 -iters 2 -time 500 -af NONE -strideSize 4
 */
@JCStressTest
@Calibration
@Description("calibration: two actors each store to their own field; the arbiter reads both")
@Outcome(id = "1, 2", expect = Expect.ACCEPTABLE, desc = "both stores seen, as always after both actors returned")
@Outcome(expect = Expect.FORBIDDEN, desc = "harness error: the arbiter ran before an actor's store was visible")
@State
public class TwoActorWrites {
    private int x;
    private int y;

    @Actor
    public void first() {
        x = 1;
    }

    @Actor
    public void second() {
        y = 2;
    }

    @Arbiter
    public void arbiter(II_Result r) {
        r.r1 = x;
        r.r2 = y;
    }
}
