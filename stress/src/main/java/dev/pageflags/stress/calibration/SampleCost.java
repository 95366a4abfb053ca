package dev.pageflags.stress.calibration;

import dev.pageflags.stress.RaceScenario;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.infra.results.Z_Result;

import java.util.function.Supplier;

/**
 * What every sample-cost test shares: the race variant's world, and the two parts of its sample
 * ({@link dev.pageflags.stress.SampleCostOf.Part}). Each race's class only names the variant; JCStress
 * wants the {@code @Actor} and {@code @Arbiter} methods on the test class itself, so those stay there,
 * one line each. The outcomes are declared here: JCStress's annotation processor reads a test's
 * {@code @Outcome}s from its superclasses too (so a {@code @JCStressMeta} naming these would declare
 * them twice, and JCStress then counts no sample in either).
 */
public final class SampleCost {
    static final String UNTOUCHED = "true";
    static final String TOUCHED = "false";
    static final String NOT_BAD = "false";
    static final String BAD = "true";

    private SampleCost() {
    }

    /** One race variant's world, built by its {@code newScenario()}, and the verdict on an untouched one. */
    public static final class World {
        private final Supplier<RaceScenario> newWorld;
        private final boolean untouchedBad;

        /** Builds and judges one world here, once, for the idle samples to be compared with. */
        public World(Supplier<RaceScenario> newWorld) {
            this.newWorld = newWorld;
            this.untouchedBad = newWorld.get().badEndState();
        }

        RaceScenario build() {
            return newWorld.get();
        }
    }

    /**
     * Both actors idle: a sample is the world built, then judged by the arbiter as the race judges it.
     * Nothing runs in between, so the judgement must equal an untouched world's; anything else means a
     * world depends on what ran before it (shared state leaking between samples).
     */
    @Outcome(id = UNTOUCHED, expect = Expect.ACCEPTABLE, desc = "judged as an untouched world is")
    @Outcome(id = TOUCHED, expect = Expect.FORBIDDEN,
            desc = "judged unlike an untouched world, though no path ran: state leaks between samples")
    @Outcome(expect = Expect.FORBIDDEN, desc = RaceScenario.MODEL_ERROR)
    public abstract static class WorldOnly {
        private final RaceScenario world;
        private final boolean untouchedBad;

        protected WorldOnly(World world) {
            this.world = world.build();
            this.untouchedBad = world.untouchedBad;
        }

        protected final void judge(Z_Result r) {
            r.r1 = world.badEndState() == untouchedBad;
        }
    }

    /**
     * One actor runs the race's two paths back to back (actor 1's, then actor 2's), the other is idle:
     * the paths' cost without their locks and flag words crossing between CPUs. A serial order is no
     * race, so it must never end in the bad state.
     */
    @Outcome(id = NOT_BAD, expect = Expect.ACCEPTABLE, desc = "no bad state, as after any serial order")
    @Outcome(id = BAD, expect = Expect.FORBIDDEN, desc = "bad end state after a serial order: a model error")
    @Outcome(expect = Expect.FORBIDDEN, desc = RaceScenario.MODEL_ERROR)
    public abstract static class OneThread {
        private final RaceScenario world;

        protected OneThread(World world) {
            this.world = world.build();
        }

        protected final void bothPaths() {
            world.actor1();
            world.actor2();
        }

        protected final void judge(Z_Result r) {
            r.r1 = world.badEndState();
        }
    }
}
