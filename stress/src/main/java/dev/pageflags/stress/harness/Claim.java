package dev.pageflags.stress.harness;

import dev.pageflags.mm.Variant;
import dev.pageflags.stress.LitmusTest;
import dev.pageflags.stress.RaceVariant;
import dev.pageflags.stress.SampleCostOf;
import org.openjdk.jcstress.annotations.Expect;

import java.util.List;
import java.util.Locale;

/**
 * What a JCStress test claims about its declared bad states, read from its annotation: the grade
 * those states must carry, and whether the run must see them or must never see them.
 */
public sealed interface Claim permits Claim.Race, Claim.Litmus, Claim.Atomicity, Claim.Calibration,
        Claim.SampleCost {

    TestKind kind();

    /** The grade the test's named bad states must be declared with. */
    Expect badGrade();

    /** The short word of the summary's variant column. */
    String label();

    /**
     * {@code @RaceVariant}: a broken variant must show its bad state, a fixed one (or a safe one) never.
     *
     * @param arch       the {@code os.arch} values it runs on; empty for every architecture
     * @param archReason why only there, for the not-run verdict elsewhere
     */
    record Race(String seed, Variant variant, RaceVariant.Claim claim, List<String> arch, String archReason)
            implements Claim {

        public Race {
            arch = List.copyOf(arch);
            archReason = archReason == null ? "" : archReason;
        }

        /** A race test for every architecture. */
        public Race(String seed, Variant variant, RaceVariant.Claim claim) {
            this(seed, variant, claim, List.of(), "");
        }

        /** Whether it runs on a machine whose {@code os.arch} is {@code osArch}. */
        public boolean runsOn(String osArch) {
            return arch.isEmpty() || osArch != null && arch.contains(osArch);
        }

        /** The not-run reason on other machines: "runs only on aarch64: x86's locked RMW orders the store". */
        public String notRunReason() {
            return "runs only on " + String.join(", ", arch) + (archReason.isEmpty() ? "" : ": " + archReason);
        }

        public TestKind kind() {
            return TestKind.RACES;
        }

        public Expect badGrade() {
            return mustSee() ? Expect.ACCEPTABLE_INTERESTING : Expect.FORBIDDEN;
        }

        public boolean mustSee() {
            return variant == Variant.BROKEN && claim != RaceVariant.Claim.SAFE_BY_COHERENCE;
        }

        /** "broken" / "fixed"; a test of the code as it was that coherence keeps safe says so instead of "broken". */
        public String label() {
            return claim == RaceVariant.Claim.SAFE_BY_COHERENCE ? "unfixed, safe by coherence"
                    : variant.name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code @LitmusTest}: the exists-state is FORBIDDEN when LKMM says Never, INTERESTING when Sometimes. */
    record Litmus(String name, String path, LitmusTest.Lkmm lkmm, LitmusTest.Tso x86, int threads) implements Claim {
        public TestKind kind() {
            return TestKind.LITMUS;
        }

        public Expect badGrade() {
            return lkmm == LitmusTest.Lkmm.NEVER ? Expect.FORBIDDEN : Expect.ACCEPTABLE_INTERESTING;
        }

        public String label() {
            return "litmus";
        }
    }

    /** {@code @AtomicityPair}: a lost update is FORBIDDEN between atomic ops and must be seen otherwise. */
    record Atomicity(String op1, String op2, boolean atomic, boolean toughOnly) implements Claim {
        public TestKind kind() {
            return TestKind.ATOMICITY;
        }

        public Expect badGrade() {
            return atomic ? Expect.FORBIDDEN : Expect.ACCEPTABLE_INTERESTING;
        }

        public String label() {
            return atomic ? "atomic" : "non-atomic";
        }

        public String pair() {
            return op1 + " / " + op2;
        }
    }

    /**
     * {@code @Calibration}: claims nothing about any state; its rate is what the others are read against.
     * Every state it declares is ACCEPTABLE, so its only bad states are the catch-all's (FORBIDDEN).
     */
    record Calibration() implements Claim {
        public TestKind kind() {
            return TestKind.CALIBRATION;
        }

        public Expect badGrade() {
            return Expect.FORBIDDEN;
        }

        public String label() {
            return "calibration";
        }
    }

    /**
     * {@code @SampleCostOf}: one part of a race test's sample ({@code raceTest}, its JCStress name), run for
     * its rate. Of the calibration's kind: it runs with its race test, in the races' JCStress process with
     * their options. Its named bad states and its catch-all are FORBIDDEN; it claims nothing else.
     */
    record SampleCost(String raceTest, SampleCostOf.Part part) implements Claim {
        public TestKind kind() {
            return TestKind.CALIBRATION;
        }

        public Expect badGrade() {
            return Expect.FORBIDDEN;
        }

        /** "sample cost: world only". */
        public String label() {
            return "sample cost: " + part.label();
        }
    }
}
