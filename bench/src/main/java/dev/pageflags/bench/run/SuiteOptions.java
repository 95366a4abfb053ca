package dev.pageflags.bench.run;

import dev.pageflags.report.IndexPage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The suite's command line. Anything JMH itself understands goes after {@code --jmh} as one
 * string (a Maven property can carry it), and is checked by JMH's own parser before anything runs.
 */
record SuiteOptions(Mode mode, String include, Path out, List<String> jmhArgs, boolean nativeFloor, String note,
                    Optional<Path> index) {

    /**
     * Smoke: every benchmark once, very short, to prove none is broken. Full: the measured run, at
     * least five forks, since the fork is what the report's intervals resample (see Bootstrap) and
     * fork-to-fork spread is the noise JMH's own error leaves out. The iteration lengths keep the
     * full run of the whole suite within minutes on a 2-CPU machine: forks x (warm-up + measurement
     * + JVM start) per benchmark, the start estimated in {@link Suite#FORK_START_MS}.
     */
    enum Mode {
        SMOKE(1, 0, 0, 1, 50),
        FULL(5, 3, 100, 5, 150);

        final int forks;
        final int warmupIterations;
        final int warmupMs;
        final int measurementIterations;
        final int measurementMs;

        Mode(int forks, int warmupIterations, int warmupMs, int measurementIterations, int measurementMs) {
            this.forks = forks;
            this.warmupIterations = warmupIterations;
            this.warmupMs = warmupMs;
            this.measurementIterations = measurementIterations;
            this.measurementMs = measurementMs;
        }

        /** The settings in JMH's option spelling, for the usage text. */
        String jmhSpelling() {
            return jmhSpelling(forks);
        }

        /** The same with another fork count, for tools that run this mode's forks one at a time. */
        String jmhSpelling(int forkCount) {
            return "-f " + forkCount + " -wi " + warmupIterations + (warmupIterations > 0 ? " -w " + warmupMs + "ms" : "")
                    + " -i " + measurementIterations + " -r " + measurementMs + "ms";
        }
    }

    /** Every benchmark of this module. */
    static final String ALL = "^dev\\.pageflags\\.bench\\.";

    static final String USAGE = String.join("\n",
            "usage: java -cp benchmarks.jar dev.pageflags.bench.run.Suite [options]",
            "  --mode smoke|full   smoke: every benchmark once, " + Mode.SMOKE.jmhSpelling() + ";",
            "                      full: the measured run, " + Mode.FULL.jmhSpelling() + ". Default: full.",
            "  --include REGEX     run only benchmarks whose full name matches (JMH's regex, found anywhere",
            "                      in the name, e.g. FlagOps or 'PageLockBench\\.reentrant').",
            "  --out DIR           where jmh.json, native-floor.json, report.md, chart.svg, ratios.json and",
            "                      machine.md go.",
            "                      Default: results/bench.",
            "  --jmh \"OPTIONS\"     more JMH options, e.g. \"-prof gc\" or \"-f 1 -i 3\"; they win over --mode.",
            "  --no-native         skip the native floor.",
            "  --note TEXT         a line for machine.md (what else ran on the machine).",
            "  --index FILE        rewrite the results page FILE (results/index.html) when the run ends; it shows",
            "                      the bench/ folder beside it, so --out must be that folder. Default: none.",
            "exit status: 0 done, 1 a benchmark failed, 2 bad command line or nothing to run.");

    static SuiteOptions parse(String... args) throws UsageException {
        Mode mode = Mode.FULL;
        String include = ALL;
        Path out = Path.of("results", "bench");
        List<String> jmh = new ArrayList<>();
        boolean nativeFloor = true;
        String note = "";
        Optional<Path> index = Optional.empty();
        String[] expanded = expand(args);
        for (int i = 0; i < expanded.length; i++) {
            String a = expanded[i];
            switch (a) {
                case "--mode" -> mode = mode(value(expanded, i++, a));
                case "--include" -> {
                    String v = value(expanded, i++, a);
                    include = v.isBlank() ? ALL : checkedRegex(v);
                }
                case "--out" -> out = Path.of(nonBlank(value(expanded, i++, a), a));
                case "--jmh" -> jmh.addAll(split(value(expanded, i++, a)));
                case "--no-native" -> nativeFloor = false;
                case "--note" -> note = value(expanded, i++, a);
                case "--index" -> {
                    String v = value(expanded, i++, a);
                    index = v.isBlank() ? Optional.empty() : Optional.of(Path.of(v.trim()));
                }
                case "-h", "--help" -> throw new UsageException(null);
                default -> throw new UsageException("unknown option '" + a + "'");
            }
        }
        if (index.isPresent()) {
            Optional<String> misplaced = IndexPage.misplaced(index.get(), IndexPage.BENCH, out);
            if (misplaced.isPresent()) {
                throw new UsageException(misplaced.get());
            }
        }
        return new SuiteOptions(mode, include, out, List.copyOf(jmh), nativeFloor, note, index);
    }

    /** {@code --opt=value} as two arguments, so that Maven can pass an empty value safely. */
    private static String[] expand(String[] args) {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 2) {
                out.add(a.substring(0, eq));
                out.add(a.substring(eq + 1));
            } else {
                out.add(a);
            }
        }
        return out.toArray(String[]::new);
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i + 1 >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[i + 1];
    }

    private static String nonBlank(String v, String option) throws UsageException {
        if (v.isBlank()) {
            throw new UsageException(option + " needs a value");
        }
        return v;
    }

    private static Mode mode(String v) throws UsageException {
        try {
            return Mode.valueOf(v.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--mode must be smoke or full, not '" + v + "'");
        }
    }

    private static String checkedRegex(String v) throws UsageException {
        try {
            Pattern.compile(v);
            return v;
        } catch (PatternSyntaxException e) {
            throw new UsageException("--include '" + v + "' is not a valid regular expression: "
                    + e.getDescription());
        }
    }

    private static List<String> split(String v) {
        return v.isBlank() ? List.of() : Arrays.asList(v.trim().split("\\s+"));
    }

    /** A command line the suite cannot run; a null message asks for the usage text alone. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
