package dev.pageflags.stress.harness;

import dev.pageflags.report.IndexPage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The runner's command line, {@code --key=value} pairs that the build fills from the
 * {@code stress.*} Maven properties. "all" stands for "no filter", so that an empty value given on
 * purpose ({@code -Dstress.scenario=}) can still be told apart and refused.
 *
 * <p>{@code --lincheck=none} runs without Lincheck records (a hand run of the jar); any other value
 * is the verdict file of this build, which must carry {@code --run-id}. {@code --fork-deadline} and
 * {@code --run-deadline} (seconds) override the deadlines the budget implies. {@code --index=FILE}
 * rewrites the results page at FILE when the run ends, however it ends ({@link IndexPage}).
 */
public record SuiteOptions(Budget budget, Optional<String> scenario, Optional<String> test,
                           Optional<TestKind> group, Path resultsDir, Optional<Path> lincheckFile, String runId,
                           Path workDir, Path jar, Optional<Duration> forkDeadline, Optional<Duration> runDeadline) {

    /** The seed races of the suite; a scenario is one of them. */
    public static final List<String> KNOWN_SCENARIOS = List.of("000", "001", "002", "003", "004");

    static final String ALL = "all";

    static final String NONE = "none";

    private static final Set<String> KEYS = Set.of("budget", "scenario", "test", "group", "results",
            "lincheck", "run-id", "work", "jar", "fork-deadline", "run-deadline", "index");
    private static final Pattern SCENARIO_FORMAT = Pattern.compile("\\d{3}");

    /**
     * The results directory, read leniently before anything is validated: a refused run must still
     * clear the previous run's reports there.
     */
    public static Optional<Path> resultsDirIn(String... args) {
        for (String arg : args) {
            if (arg.startsWith("--results=") && !arg.substring("--results=".length()).isBlank()) {
                return Optional.of(Path.of(arg.substring("--results=".length()).trim()));
            }
        }
        return Optional.empty();
    }

    /**
     * The page to rewrite at the end of the run ({@code --index=FILE}, results/index.html in the build),
     * read as leniently as {@link #resultsDirIn}: a refused run rewrites it too, to say so. Present only
     * when it shows this run, that is when {@code --results} is the {@code stress/} folder beside it
     * ({@link #parse} refuses the run otherwise).
     */
    public static Optional<Path> indexPageIn(String... args) {
        Optional<Path> results = resultsDirIn(args);
        for (String arg : args) {
            if (arg.startsWith("--index=") && !arg.substring("--index=".length()).isBlank()) {
                Path page = Path.of(arg.substring("--index=".length()).trim());
                return results.filter(r -> IndexPage.misplaced(page, IndexPage.STRESS, r).isEmpty()).map(r -> page);
            }
        }
        return Optional.empty();
    }

    public static SuiteOptions parse(String... args) throws UsageException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new UsageException("Malformed argument '" + arg + "': expected --key=value. " + usage());
            }
            String key = arg.substring(2, eq);
            if (!KEYS.contains(key)) {
                throw new UsageException("Unknown argument '--" + key + "'. " + usage());
            }
            if (values.put(key, arg.substring(eq + 1)) != null) {
                throw new UsageException("Argument '--" + key + "' given twice.");
            }
        }
        if (values.containsKey("index") && values.containsKey("results") && !values.get("index").isBlank()) {
            Optional<String> misplaced = IndexPage.misplaced(Path.of(values.get("index").trim()), IndexPage.STRESS,
                    Path.of(values.get("results").trim()));
            if (misplaced.isPresent()) {
                throw new UsageException(misplaced.get() + ".");
            }
        }
        Optional<Path> lincheck = lincheck(values);
        String runId = values.getOrDefault("run-id", "").trim();
        if (lincheck.isPresent() && runId.isEmpty()) {
            throw new UsageException("--lincheck=" + lincheck.get() + " needs --run-id=<this build's pf.runId>,"
                    + " or pass --lincheck=none to run without Lincheck records.");
        }
        return new SuiteOptions(
                Budget.parse(values.getOrDefault("budget", Budget.DEFAULT.label())),
                scenario(values.getOrDefault("scenario", ALL)),
                test(values.getOrDefault("test", ALL)),
                group(values.getOrDefault("group", ALL)),
                path(values, "results"),
                lincheck,
                runId,
                path(values, "work"),
                path(values, "jar"),
                seconds(values, "fork-deadline"),
                seconds(values, "run-deadline"));
    }

    static Optional<TestKind> group(String value) throws UsageException {
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        if (v.equals(ALL)) {
            return Optional.empty();
        }
        for (TestKind kind : TestKind.values()) {
            if (kind.label().equals(v)) {
                return Optional.of(kind);
            }
        }
        throw new UsageException("Unknown stress.group '" + value + "'. Use races, litmus, atomicity, calibration"
                + " or all.");
    }

    private static Optional<Path> lincheck(Map<String, String> values) throws UsageException {
        String v = values.get("lincheck");
        if (v == null || v.isBlank()) {
            throw new UsageException("Missing --lincheck=<verdicts.json>|none. " + usage());
        }
        return v.trim().equals(NONE) ? Optional.empty() : Optional.of(Path.of(v.trim()));
    }

    private static Optional<Duration> seconds(Map<String, String> values, String key) throws UsageException {
        String v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        try {
            long s = Long.parseLong(v.trim());
            if (s <= 0) {
                throw new NumberFormatException();
            }
            return Optional.of(Duration.ofSeconds(s));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + key + " wants a positive number of seconds, not '" + v + "'.");
        }
    }

    static Optional<String> scenario(String value) throws UsageException {
        String v = value.trim();
        if (v.isEmpty()) {
            throw new UsageException("stress.scenario is empty. Use one of " + KNOWN_SCENARIOS
                    + ", or leave it out to run every scenario.");
        }
        if (v.equals(ALL)) {
            return Optional.empty();
        }
        if (!SCENARIO_FORMAT.matcher(v).matches()) {
            throw new UsageException("Malformed stress.scenario '" + value + "': a scenario is a seed number"
                    + " of three digits, one of " + KNOWN_SCENARIOS + ".");
        }
        if (!KNOWN_SCENARIOS.contains(v)) {
            throw new UsageException("Unknown stress.scenario '" + v + "'. Known scenarios: " + KNOWN_SCENARIOS + ".");
        }
        return Optional.of(v);
    }

    static Optional<String> test(String value) throws UsageException {
        String v = value.trim();
        if (v.isEmpty()) {
            throw new UsageException("stress.test is empty. Give a test class (simple or full name) or a regular"
                    + " expression over test names, or leave it out to run every test.");
        }
        if (v.equals(ALL)) {
            return Optional.empty();
        }
        try {
            Pattern.compile(v);
        } catch (PatternSyntaxException e) {
            if (!looksLikeClassName(v)) {
                throw new UsageException("stress.test '" + v + "' is neither a class name nor a valid regular"
                        + " expression: " + e.getDescription() + " near index " + e.getIndex() + ".");
            }
        }
        return Optional.of(v);
    }

    private static boolean looksLikeClassName(String v) {
        return v.matches("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");
    }

    private static Path path(Map<String, String> values, String key) throws UsageException {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            throw new UsageException("Missing --" + key + "=<path>. " + usage());
        }
        return Path.of(v.trim());
    }

    static String usage() {
        return "Usage: StressSuite --jar=<jcstress.jar> --results=<dir> --lincheck=<verdicts.json>|none"
                + " [--run-id=<id>] --work=<dir> [--budget=quick|default|tough] [--scenario=000..004|all]"
                + " [--test=<name|regex>|all] [--group=races|litmus|atomicity|calibration|all] [--fork-deadline=<s>]"
                + " [--run-deadline=<s>] [--index=<dir>/index.html, with --results=<dir>/stress]";
    }
}
