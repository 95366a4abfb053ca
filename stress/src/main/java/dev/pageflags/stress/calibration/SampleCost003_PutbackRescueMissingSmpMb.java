package dev.pageflags.stress.calibration;

import dev.pageflags.stress.Race003_PutbackRescueMissingSmpMb;
import dev.pageflags.stress.SampleCostOf;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.Z_Result;

/*
 * Where a sample of Race003_PutbackRescueMissingSmpMb.HypotheticalLayoutSmpMb spends its time:
 * WorldOnly builds and judges its world with both actors idle, OneThread runs putback_lru_page() and
 * then the munlocker on one actor. Their rates, beside the race's and the calibration's, are in
 * summary.md's "Where a race sample's time goes".
 *
 * Of race 003's variants this takes apart HypotheticalLayoutSmpMb, the fix: its putback path has
 * the one step the other two variants run on x86 lack (the smp_mb()), and its world is the
 * hypothetical layout's, built as HypotheticalLayoutNoBarrier's is. The variants' order by rate is no guide: it
 * changes from run to run (race 003's rows in results/reference/stress/summary.md and
 * stress-jdk25/summary.md).
 *
 * Their outcomes, the FORBIDDEN ones included, are declared once on SampleCost.WorldOnly and
 * SampleCost.OneThread, which these tests extend: JCStress's annotation processor reads a test's
 * outcomes from its superclasses.
 */
public final class SampleCost003_PutbackRescueMissingSmpMb {
    private static final SampleCost.World WORLD =
            new SampleCost.World(Race003_PutbackRescueMissingSmpMb.HypotheticalLayoutSmpMb::newScenario);

    private SampleCost003_PutbackRescueMissingSmpMb() {
    }

    @JCStressTest
    @SampleCostOf(value = Race003_PutbackRescueMissingSmpMb.HypotheticalLayoutSmpMb.class,
            part = SampleCostOf.Part.WORLD_ONLY)
    @Description("sample cost of race 003, HypotheticalLayoutSmpMb: the world built and judged, "
            + "both actors idle")
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
    @SampleCostOf(value = Race003_PutbackRescueMissingSmpMb.HypotheticalLayoutSmpMb.class,
            part = SampleCostOf.Part.ONE_THREAD)
    @Description("sample cost of race 003, HypotheticalLayoutSmpMb: putback_lru_page() and then the munlocker, "
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
