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
 * <p>tough hands the choice of configurations back to JCStress (its {@code default} mode, the whole
 * matrix): for machines with many cores, where JCStress runs the configurations side by side.
 */
public enum Budget {
    QUICK("a fast look: about 2 s of sampling per test, one JVM configuration", 2_000, 500),
    DEFAULT("about 12 s of sampling per test, one JVM configuration", 12_000, 1_000),
    TOUGH("JCStress's own JVM-configuration matrix (interpreter, C1, C2, split per actor, C2 stress"
            + " flags), 5 iterations of 1 s in each; minutes per test on a small machine", 0, 1_000);

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

    private final String description;
    private final int samplingMsPerTest;
    private final int iterationMs;

    Budget(String description, int samplingMsPerTest, int iterationMs) {
        this.description = description;
        this.samplingMsPerTest = samplingMsPerTest;
        this.iterationMs = iterationMs;
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

    /** How many JVM configurations JCStress will run per test on this JDK, or 0 when JCStress decides. */
    public int expectedJvmConfigs(int javaFeature) {
        if (!singleConfiguration()) {
            return 0;
        }
        return javaFeature <= LAST_JDK_WITH_BIASED_LOCKING ? 2 : 1;
    }

    public int iterations(int javaFeature) {
        if (!singleConfiguration()) {
            return TOUGH_ITERATIONS;
        }
        int perConfigMs = samplingMsPerTest / expectedJvmConfigs(javaFeature);
        return Math.max(1, Math.round((float) perConfigMs / iterationMs));
    }

    public int iterationMs() {
        return iterationMs;
    }

    /** The JCStress options of this budget (selection and report options are added by the launcher). */
    public List<String> jcstressArgs(int javaFeature) {
        List<String> args = new ArrayList<>();
        if (singleConfiguration()) {
            args.addAll(List.of("-sc", "false", "-jvmArgs", SINGLE_CONFIG_JVM_ARGS));
        } else {
            args.addAll(List.of("-m", "default"));
        }
        args.addAll(List.of("-f", "1",
                "-iters", Integer.toString(iterations(javaFeature)),
                "-time", Integer.toString(iterationMs)));
        args.addAll(List.of("-af", AFFINITY, "-strideSize", STRIDE_SIZE));
        return args;
    }

    /** A rough wall-clock estimate per test on two cores, for the run's watchdog and the log. */
    public double expectedSecondsPerTest(int javaFeature) {
        int configs = singleConfiguration() ? expectedJvmConfigs(javaFeature) : TOUGH_CONFIGS_ESTIMATE;
        double sampling = configs * iterations(javaFeature) * iterationMs / 1000.0;
        return sampling + configs * FORK_OVERHEAD_SECONDS;
    }
}
