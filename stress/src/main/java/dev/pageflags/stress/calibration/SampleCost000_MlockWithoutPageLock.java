package dev.pageflags.stress.calibration;

import dev.pageflags.stress.Race000_MlockWithoutPageLock;
import dev.pageflags.stress.SampleCostOf;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.Z_Result;

/*
 * Where a sample of Race000_MlockWithoutPageLock.Broken spends its time: WorldOnly builds and judges
 * its world (a shared file mapping with three vmas) with both actors idle, OneThread runs reclaim's
 * cluster scan and then munlock on one actor. Their rates, beside the race's and the calibration's,
 * are in summary.md's "Where a race sample's time goes".
 *
 * Their outcomes, the FORBIDDEN ones included, are declared once on SampleCost.WorldOnly and
 * SampleCost.OneThread, which these tests extend: JCStress's annotation processor reads a test's
 * outcomes from its superclasses.
 */
public final class SampleCost000_MlockWithoutPageLock {
    private static final SampleCost.World WORLD =
            new SampleCost.World(Race000_MlockWithoutPageLock.Broken::newScenario);

    private SampleCost000_MlockWithoutPageLock() {
    }

    @JCStressTest
    @SampleCostOf(value = Race000_MlockWithoutPageLock.Broken.class,
            part = SampleCostOf.Part.WORLD_ONLY)
    @Description("sample cost of race 000, broken: the world built and judged, both actors idle")
    @State
    public static class WorldOnly extends SampleCost.WorldOnly {
        public WorldOnly() {
            super(WORLD);
        }

        @Actor
        public void idle1() {
        }

        @Actor
        public void idle2() {
        }

        @Arbiter
        public void arbiter(Z_Result r) {
            judge(r);
        }
    }

    @JCStressTest
    @SampleCostOf(value = Race000_MlockWithoutPageLock.Broken.class,
            part = SampleCostOf.Part.ONE_THREAD)
    @Description("sample cost of race 000, broken: reclaim's scan, then munlock, "
            + "on one actor")
    @State
    public static class OneThread extends SampleCost.OneThread {
        public OneThread() {
            super(WORLD);
        }

        @Actor
        public void bothInTurn() {
            bothPaths();
        }

        @Actor
        public void idle() {
        }

        @Arbiter
        public void arbiter(Z_Result r) {
            judge(r);
        }
    }
}
