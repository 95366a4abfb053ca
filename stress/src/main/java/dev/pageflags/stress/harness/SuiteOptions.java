package dev.pageflags.stress.harness;

import java.nio.file.Path;
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
 */
public record SuiteOptions(Budget budget, Optional<String> scenario, Optional<String> test,
                           Path resultsDir, Path junitDir, Path lincheckFile, Path workDir, Path jar) {

    /** The seed races of the suite; a scenario is one of them. */
    public static final List<String> KNOWN_SCENARIOS = List.of("000", "001", "002", "003", "004");

    static final String ALL = "all";

    private static final Set<String> KEYS = Set.of("budget", "scenario", "test", "results", "junit",
            "lincheck", "work", "jar");
    private static final Pattern SCENARIO_FORMAT = Pattern.compile("\\d{3}");

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
        return new SuiteOptions(
                Budget.parse(values.getOrDefault("budget", Budget.DEFAULT.label())),
                scenario(values.getOrDefault("scenario", ALL)),
                test(values.getOrDefault("test", ALL)),
                path(values, "results"),
                path(values, "junit"),
                path(values, "lincheck"),
                path(values, "work"),
                path(values, "jar"));
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
        return "Usage: StressSuite --jar=<jcstress.jar> --results=<dir> --junit=<dir> --lincheck=<verdicts.json>"
                + " --work=<dir> [--budget=quick|default|tough] [--scenario=000..004|all] [--test=<name|regex>|all]";
    }
}
