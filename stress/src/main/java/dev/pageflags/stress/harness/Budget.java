package dev.pageflags.stress.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How long JCStress samples each test, and in which JVM configurations.
 *
 * <p>quick and default run one JVM configuration ({@code -sc false -jvmArgs ...}): JCStress's own
 * matrix is 28 configurations on JDK 17 (interpreter/C1/C2, split per actor, C2 stress flags, biased
 * locking on and off), 70-100 s per test on two cores. One exception JCStress does not let us turn
 * off: on JDKs that still have biased locking (17 and older) it runs that one configuration twice,
 * with {@code +UseBiasedLocking} and {@code -UseBiasedLocking}. The model takes no monitors, so the
 * two are alike for our purpose; the iteration count is halved there so that a budget means the same
 * sampling time per test on every JDK.
 *
 * <p>Each kind of test has its own sampling time within a budget: a race needs seconds to show a
 * window a few loads wide, a litmus test or a bit-op pair shows its state (or not) within one
 * second, and the suite has dozens of them. The JCStress options are global to one JCStress
 * process, so the runner starts one process per kind ({@link #jcstressArgs(int, TestKind)}).
 * To change a kind's share, change its {@link Sampling} below.
 *
 * <p>tough hands the choice of configurations back to JCStress (its {@code default} mode, the whole
 * matrix): for machines with many cores, where JCStress runs the configurations side by side.
 */
public enum Budget {
    QUICK("a fast look: about 2 s of sampling per race, 1 s per litmus test or bit-op pair, one JVM configuration",
            new Sampling(2_000, 500), new Sampling(1_000, 500), new Sampling(1_000, 500)),
    DEFAULT("about 8 s of sampling per race, 1 s per litmus test or bit-op pair, one JVM configuration",
            new Sampling(8_000, 1_000), new Sampling(1_000, 500), new Sampling(1_000, 500)),
    TOUGH("JCStress's own JVM-configuration matrix (interpreter, C1, C2, split per actor, C2 stress"
            + " flags), 5 iterations of 1 s in each; minutes per test on a small machine",
            new Sampling(0, 1_000), new Sampling(0, 1_000), new Sampling(0, 1_000));

    /** Sampling time per test (over all its JVM configurations) and the length of one iteration. */
    record Sampling(int msPerTest, int iterationMs) {
    }

    /** Default tiered compilation, said out loud: JCStress needs some flag to run a single configuration. */
    static final String SINGLE_CONFIG_JVM_ARGS = "-XX:TieredStopAtLevel=4";
    /**
     * No CPU pinning. JCStress pins a Mode.Termination test (one actor, its signal from the harness
     * thread) to a single CPU, where the two threads meet only when the scheduler preempts one: race
     * 004's sleeping waiter then hung in 4 of 6 forks, against 4 of 4 unpinned. The two-actor tests
     * still reproduce unpinned, at about half the rate (measured on 2 cores, JDK 17).
     */
    static final String AFFINITY = "NONE";

    /**
     * Samples per actor between two rendezvous of the actors. JCStress's default (256) lets one actor
     * run ahead of the other for a whole stride, so their steps rarely overlap; the races here need
     * both inside a window a few loads wide. On 2 cores, JDK 17, the same budget with 4 gave 10 to 100
     * times the bad outcomes of the default in every broken test (race 003: 1 against 52 per million).
     */
    static final String STRIDE_SIZE = "4";

    /** The last feature release with biased locking (removed in JDK 18). */
    private static final int LAST_JDK_WITH_BIASED_LOCKING = 17;
    private static final int TOUGH_CONFIGS_ESTIMATE = 28;
    private static final int TOUGH_ITERATIONS = 5;
    private static final double FORK_OVERHEAD_SECONDS = 4;

    /**
     * A forked test VM gets this long beyond twice its sampling time before the watchdog deems it
     * hung: a VM's start-up takes seconds on a loaded 2-core machine.
     */
    private static final int FORK_DEADLINE_SLACK_SECONDS = 30;
    /**
     * A Termination test whose actor never ends (race 004's sleeping waiter, broken) is graded STALE
     * only after JCStress's own wait of about this long, whatever the budget's sampling time: the
     * quick budget's deadline once killed that VM before JCStress could report it. The wait shows in
     * the reference run: that test's VM seconds per fork in results/reference/stress/summary.md,
     * "Sampling rate, CPUs and time".
     */
    private static final int JCSTRESS_STALE_WAIT_SECONDS = 30;
    /** Once a fork has hung, later ones get their sampling time and this start-up allowance. */
    private static final int FORK_START_SECONDS = 15;

    private final String description;
    private final Sampling races;
    private final Sampling litmus;
    private final Sampling atomicity;

    Budget(String description, Sampling races, Sampling litmus, Sampling atomicity) {
        this.description = description;
        this.races = races;
        this.litmus = litmus;
        this.atomicity = atomicity;
    }

    /** Parses the {@code stress.budget} value. */
    public static Budget parse(String value) throws UsageException {
        if (value == null || value.isBlank()) {
            throw new UsageException("stress.budget is empty. Use one of: " + names() + ".");
        }
        for (Budget budget : values()) {
            if (budget.label().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return budget;
            }
        }
        throw new UsageException("Unknown stress.budget '" + value + "'. Use one of: " + names() + ".");
    }

    private static String names() {
        List<String> names = new ArrayList<>();
        for (Budget budget : values()) {
            names.add(budget.label());
        }
        return String.join(", ", names);
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }

    public boolean singleConfiguration() {
        return this != TOUGH;
    }

    Sampling sampling(TestKind kind) {
        return switch (kind) {
            // The calibration test is the races' yardstick: their sampling, so their options and process.
            case RACES, CALIBRATION -> races;
            case LITMUS -> litmus;
            case ATOMICITY -> atomicity;
        };
    }

    /** How many JVM configurations JCStress will run per test on this JDK, or 0 when JCStress decides. */
    public int expectedJvmConfigs(int javaFeature) {
        if (!singleConfiguration()) {
            return 0;
        }
        return javaFeature <= LAST_JDK_WITH_BIASED_LOCKING ? 2 : 1;
    }

    public int iterations(int javaFeature) {
        return iterations(javaFeature, TestKind.RACES);
    }

    public int iterations(int javaFeature, TestKind kind) {
        if (!singleConfiguration()) {
            return TOUGH_ITERATIONS;
        }
        Sampling s = sampling(kind);
        int perConfigMs = s.msPerTest() / expectedJvmConfigs(javaFeature);
        return Math.max(1, Math.round((float) perConfigMs / s.iterationMs()));
    }

    public int iterationMs() {
        return iterationMs(TestKind.RACES);
    }

    public int iterationMs(TestKind kind) {
        return sampling(kind).iterationMs();
    }

    public List<String> jcstressArgs(int javaFeature) {
        return jcstressArgs(javaFeature, TestKind.RACES);
    }

    /** The JCStress options of this budget for one kind (selection and report options are added by the launcher). */
    public List<String> jcstressArgs(int javaFeature, TestKind kind) {
        List<String> args = new ArrayList<>();
        if (singleConfiguration()) {
            args.addAll(List.of("-sc", "false", "-jvmArgs", SINGLE_CONFIG_JVM_ARGS));
        } else {
            args.addAll(List.of("-m", "default"));
        }
        args.addAll(List.of("-f", "1",
                "-iters", Integer.toString(iterations(javaFeature, kind)),
                "-time", Integer.toString(iterationMs(kind))));
        args.addAll(List.of("-af", AFFINITY, "-strideSize", STRIDE_SIZE));
        return args;
    }

    public double expectedSecondsPerTest(int javaFeature) {
        return expectedSecondsPerTest(javaFeature, TestKind.RACES);
    }

    /** A rough wall-clock estimate per test on two cores, for the run's watchdog and the log. */
    public double expectedSecondsPerTest(int javaFeature, TestKind kind) {
        int configs = singleConfiguration() ? expectedJvmConfigs(javaFeature) : TOUGH_CONFIGS_ESTIMATE;
        double sampling = configs * iterations(javaFeature, kind) * iterationMs(kind) / 1000.0;
        return sampling + configs * FORK_OVERHEAD_SECONDS;
    }

    /** How long one forked test VM (one test in one JVM configuration) may run before it is deemed hung. */
    public long forkDeadlineSeconds(int javaFeature, TestKind kind) {
        return 2 * forkSamplingSeconds(javaFeature, kind) + JCSTRESS_STALE_WAIT_SECONDS + FORK_DEADLINE_SLACK_SECONDS;
    }

    /** The shorter deadline of a fork that starts after another fork of the same run hung. */
    public long forkDeadlineAfterAHangSeconds(int javaFeature, TestKind kind) {
        return forkSamplingSeconds(javaFeature, kind) + FORK_START_SECONDS;
    }

    private long forkSamplingSeconds(int javaFeature, TestKind kind) {
        return (long) Math.ceil(iterations(javaFeature, kind) * iterationMs(kind) / 1000.0);
    }
}
