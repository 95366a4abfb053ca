package dev.pageflags.stress.harness;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs the JCStress suite as {@code mvn verify} does: select, check every selected test can fail,
 * run JCStress, grade each test against its variant, write the reports, and exit non-zero when a
 * race was not reproduced, a fix did not hold, or a test did not run.
 *
 * <p>Exit codes: 0 all as expected; 1 a verdict failed the run; 2 a bad request (option, selection,
 * a test that cannot fail); 3 the machine or JCStress could not run the suite.
 */
public final class StressSuite {
    private static final Logger LOG = LoggerFactory.getLogger(StressSuite.class);

    static final int OK = 0;
    static final int VERDICTS_FAILED = 1;
    static final int BAD_REQUEST = 2;
    static final int CANNOT_RUN = 3;

    /** JCStress needs a CPU per actor; every test of this suite has two. */
    static final int MIN_CPUS = 2;
    private static final Duration WATCHDOG_SLACK = Duration.ofMinutes(5);
    private static final String RESULT_COPY = "jcstress-results.bin.gz";
    private static final String OUTPUT_LOG = "jcstress-output.txt";

    /** What one JCStress run gave: verdicts of the tests it was asked to run, its wall time and exit code. */
    private record Run(List<TestVerdict> verdicts, double wallSeconds, int exitCode) {
    }

    private StressSuite() {
    }

    public static void main(String[] args) {
        int code;
        try {
            code = run(args);
        } catch (UsageException e) {
            LOG.error(e.getMessage());
            code = BAD_REQUEST;
        } catch (Exception e) {
            LOG.error("The stress suite could not run: {}", e.toString(), e);
            code = CANNOT_RUN;
        }
        System.exit(code);
    }

    static int run(String[] args) throws Exception {
        SuiteOptions options = SuiteOptions.parse(args);
        if (!Files.isRegularFile(options.jar())) {
            throw new UsageException("No JCStress jar at " + options.jar() + ": build it first (mvn package).");
        }
        MachineInfo machine = MachineInfo.probe();
        List<SuiteTest> selected = selectTests(options);
        Budget budget = options.budget();
        List<String> budgetArgs = budget.jcstressArgs(machine.javaFeature());
        String selection = "stress.scenario=" + options.scenario().orElse(SuiteOptions.ALL)
                + ", stress.test=" + options.test().orElse(SuiteOptions.ALL);
        ReportFiles.prepare(options.resultsDir(), options.junitDir());

        if (machine.cpus() < MIN_CPUS) {
            LOG.error("This machine has {} CPU; JCStress needs at least {} (one per actor) to run any race test.",
                    machine.cpus(), MIN_CPUS);
        }
        List<TestVerdict> verdicts = new ArrayList<>();
        List<SuiteTest> runnable = new ArrayList<>();
        for (SuiteTest t : selected) {
            int needed = Math.max(MIN_CPUS, t.actors());
            if (needed > machine.cpus()) {
                verdicts.add(Grader.skipped(t, "needs " + needed + " CPUs (one per actor); this machine has "
                        + machine.cpus()));
            } else {
                runnable.add(t);
            }
        }
        Run run = runnable.isEmpty() ? null : runJCStress(runnable, budget, budgetArgs, machine, options);
        if (run != null) {
            verdicts.addAll(run.verdicts());
        }

        LincheckVerdicts lincheck = lincheck(options.lincheckFile());
        List<TestVerdict> rows = verdicts.stream()
                .map(v -> v.withLincheck(lincheck.forTest(v.test().name())))
                .sorted(Comparator.comparingInt(v -> selected.indexOf(v.test())))
                .toList();
        return finish(new SuiteReport(rows, machine, budget, budgetArgs, selection,
                run == null ? 0 : run.wallSeconds(), run == null ? null : run.exitCode()), options);
    }

    /** The tests the options ask for, refusing ungraded tests, an empty selection and tests that cannot fail. */
    private static List<SuiteTest> selectTests(SuiteOptions options) throws UsageException, ClassNotFoundException {
        TestCatalog catalog = TestCatalog.load(StressSuite.class.getClassLoader());
        List<String> ungraded = Selection.ungraded(catalog.unannotated(), options.scenario(), options.test());
        if (!ungraded.isEmpty()) {
            throw new UsageException("These JCStress tests have no @RaceVariant, so the suite cannot grade them;"
                    + " annotate them (seed and variant) or move them out of the jar: " + ungraded);
        }
        List<SuiteTest> selected = Selection.select(catalog.tests(), options.scenario(), options.test());
        List<String> problems = selected.stream().flatMap(t -> CanFailCheck.problems(t).stream()).toList();
        if (!problems.isEmpty()) {
            throw new UsageException("Tests that cannot fail (a test that cannot fail is a defect):\n  "
                    + String.join("\n  ", problems));
        }
        return selected;
    }

    private static Run runJCStress(List<SuiteTest> tests, Budget budget, List<String> budgetArgs, MachineInfo machine,
                                   SuiteOptions options) throws IOException, InterruptedException {
        double perTest = budget.expectedSecondsPerTest(machine.javaFeature());
        LOG.info("Running {} JCStress tests under budget '{}' ({}): about {} s per test, {} min in all. JCStress"
                        + " options: {}", tests.size(), budget.label(), budget.description(), Math.round(perTest),
                String.format(Locale.ROOT, "%.1f", perTest * tests.size() / 60), String.join(" ", budgetArgs));
        Path work = options.workDir();
        clearOldResults(work);
        List<String> cmd = JCStressLauncher.command(JCStressLauncher.currentJava(), options.jar().toAbsolutePath(),
                budgetArgs, tests.stream().map(SuiteTest::name).toList(), options.resultsDir().toAbsolutePath());
        Duration watchdog = Duration.ofSeconds(Math.round(3 * perTest * tests.size())).plus(WATCHDOG_SLACK);
        JCStressLauncher.Exit exit = JCStressLauncher.run(cmd, work, options.resultsDir().resolve(OUTPUT_LOG),
                watchdog);
        return new Run(grade(tests, work, exit, options.resultsDir()), exit.wallSeconds(), exit.code());
    }

    private static List<TestVerdict> grade(List<SuiteTest> tests, Path work, JCStressLauncher.Exit exit,
                                           Path resultsDir) throws IOException {
        Optional<Path> file = ResultFileReader.newestResultFile(work);
        if (file.isEmpty()) {
            String why = "JCStress left no result file (exit code " + exit.code()
                    + (exit.timedOut() ? ", stopped by the watchdog" : "") + "); see its output above";
            return tests.stream().map(t -> Grader.failed(t, why)).toList();
        }
        Files.copy(file.get(), resultsDir.resolve(RESULT_COPY), StandardCopyOption.REPLACE_EXISTING);
        Map<String, TestRun> runs = ResultFileReader.read(file.get());
        List<TestVerdict> verdicts = new ArrayList<>();
        for (SuiteTest t : tests) {
            TestRun r = runs.get(t.name());
            if (r != null) {
                verdicts.add(Grader.grade(t, r));
            } else if (exit.timedOut()) {
                verdicts.add(Grader.failed(t, "JCStress was stopped by the watchdog before this test reported"));
            } else {
                verdicts.add(Grader.skipped(t, "JCStress did not run it (exit code " + exit.code()
                        + "); its output above says why"));
            }
        }
        return verdicts;
    }

    private static int finish(SuiteReport report, SuiteOptions options) throws IOException {
        ReportFiles.write(report, options.resultsDir(), options.junitDir());
        logSummary(report);
        LOG.info("Reports: {} (index.html, {}, {}), JUnit XML in {}", options.resultsDir(), ReportFiles.SUMMARY_JSON,
                ReportFiles.SUMMARY_MD, options.junitDir());
        if (report.machine().cpus() < MIN_CPUS) {
            return CANNOT_RUN;
        }
        List<TestVerdict> failing = report.failing();
        if (!failing.isEmpty()) {
            for (TestVerdict v : failing) {
                LOG.error("{} {}: {}", v.verdict().label().toUpperCase(Locale.ROOT), v.test().name(), v.reason());
            }
            LOG.error("{} of {} stress tests failed the run.", failing.size(), report.tests().size());
            return VERDICTS_FAILED;
        }
        if (report.jcstressExit() != null && report.jcstressExit() != 0) {
            // Every graded failure makes JCStress exit non-zero too; the other way round means a
            // failure the verdicts did not see (a crash after the results were written, say).
            LOG.error("JCStress exited with {} although every verdict passed; its output above says why.",
                    report.jcstressExit());
            return CANNOT_RUN;
        }
        return OK;
    }

    private static void logSummary(SuiteReport report) {
        int width = report.tests().stream().mapToInt(v -> v.test().shortName().length()).max().orElse(4);
        String row = "%-" + width + "s  %4s  %-7s  %15s  %12s  %12s  %s";
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, row, "TEST", "SEED", "VARIANT", "SAMPLES",
                "BAD", "PER MILLION", "VERDICT"));
        for (TestVerdict v : report.tests()) {
            table.append('\n').append(String.format(Locale.ROOT, row, v.test().shortName(), v.test().seed(),
                    v.test().variantLabel(), Formats.grouped(v.samples()), Formats.grouped(v.bad()),
                    Formats.rate(v), v.verdict().label()));
        }
        LOG.info("Stress suite results (budget {}, {} CPUs, {} {}):\n{}", report.budget().label(),
                report.machine().cpus(), report.machine().jvmVendor(), report.machine().jvmVersion(), table);
    }

    private static LincheckVerdicts lincheck(Path file) {
        try {
            LincheckVerdicts verdicts = LincheckVerdicts.read(file);
            if (verdicts.size() > 0) {
                LOG.info("Merged {} Lincheck verdicts from {}", verdicts.size(), file);
            }
            return verdicts;
        } catch (IOException e) {
            LOG.warn("Ignoring the Lincheck verdicts: {}", e.getMessage());
            return LincheckVerdicts.none();
        }
    }

    private static void clearOldResults(Path work) throws IOException {
        Files.createDirectories(work);
        List<Path> old;
        try (Stream<Path> files = Files.list(work)) {
            old = files.filter(ResultFileReader::isResultFile).toList();
        }
        for (Path p : old) {
            Files.delete(p);
        }
    }
}
