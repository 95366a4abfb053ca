package dev.pageflags.stress.harness;

import dev.pageflags.machine.MachineInfo;
import dev.pageflags.report.IndexPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The suite, shared by the command line ({@link StressSuite}) and the Failsafe test factory: clear the
 * previous reports, validate the request, select, refuse tests that cannot be graded, run JCStress
 * once per kind of test, grade every test by its declared bad states, write the reports, and say
 * what the exit code is.
 */
public final class SuiteEngine {
    private static final Logger LOG = LoggerFactory.getLogger(SuiteEngine.class);

    public static final int OK = 0;
    public static final int VERDICTS_FAILED = 1;
    public static final int BAD_REQUEST = 2;
    public static final int CANNOT_RUN = 3;

    /** JCStress needs a CPU per actor; every race test has two. */
    static final int MIN_CPUS = 2;

    /** The end of a run: its exit code, and its report (null when it was refused before selecting). */
    public record Result(int exitCode, SuiteReport report) {
    }

    private final SuiteEnvironment env;

    public SuiteEngine(SuiteEnvironment env) {
        this.env = env;
    }

    /** Runs the suite, then rewrites the results page when {@code --index} asks for it, whatever the end. */
    public Result run(String[] args, SuiteListener listener) {
        Result result = runSuite(args, listener);
        SuiteOptions.indexPageIn(args).ifPresent(SuiteEngine::writeIndex);
        return result;
    }

    /** The page is a view of the reports, not one of them: a page that cannot be written fails nothing. */
    private static void writeIndex(Path page) {
        try {
            IndexPage.Result written = IndexPage.write(page, "the stress suite");
            written.problems().forEach(p -> LOG.warn("Results page: {}", p));
            LOG.info("Results page: {}", written.page());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not write the results page {}: {}", page, e.toString());
        }
    }

    private Result runSuite(String[] args, SuiteListener listener) {
        Optional<Path> resultsDir = SuiteOptions.resultsDirIn(args);
        try {
            // First, before anything can be refused: a refused run must not leave the last green report.
            if (resultsDir.isPresent()) {
                ReportFiles.clear(resultsDir.get());
            }
        } catch (IOException e) {
            return refuse(CANNOT_RUN, "Cannot clear the previous reports in " + resultsDir.get() + ": " + e,
                    resultsDir, listener);
        }
        SuiteOptions options;
        List<SuiteTest> selected;
        try {
            options = SuiteOptions.parse(args);
            if (!Files.isRegularFile(options.jar())) {
                throw new UsageException("No JCStress jar at " + options.jar() + ": build it first (mvn package).");
            }
            selected = select(options);
        } catch (UsageException e) {
            return refuse(BAD_REQUEST, e.getMessage(), resultsDir, listener);
        } catch (ClassNotFoundException | RuntimeException e) {
            return refuse(CANNOT_RUN, "Cannot read the JCStress test list: " + e, resultsDir, listener);
        }
        listener.selected(selected);
        try {
            return runSelected(options, selected, listener);
        } catch (IOException | RuntimeException e) {
            LOG.error("The stress suite could not run: {}", e.toString(), e);
            return refuse(CANNOT_RUN, "The stress suite could not run: " + e, resultsDir, listener);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return refuse(CANNOT_RUN, "Interrupted", resultsDir, listener);
        }
    }

    private Result refuse(int code, String why, Optional<Path> resultsDir, SuiteListener listener) {
        LOG.error(why);
        resultsDir.ifPresent(dir -> ReportFiles.writeRefusal(dir, why));
        listener.refused(why);
        return new Result(code, null);
    }

    /** The tests the options ask for, refusing ungraded tests, an empty selection and tests that cannot fail. */
    private static List<SuiteTest> select(SuiteOptions options) throws UsageException, ClassNotFoundException {
        TestCatalog catalog = TestCatalog.load(SuiteEngine.class.getClassLoader());
        List<String> ungraded = Selection.ungraded(catalog.ungraded(), options.scenario(), options.test(),
                options.group());
        if (!ungraded.isEmpty()) {
            throw new UsageException("These JCStress tests carry none (or more than one) of @RaceVariant, @LitmusTest"
                    + " and @AtomicityPair, so the suite cannot grade them; annotate each with exactly one: "
                    + ungraded);
        }
        List<SuiteTest> selected = Selection.select(catalog.tests(), options.scenario(), options.test(),
                options.group());
        List<String> problems = selected.stream().flatMap(t -> CanFailCheck.problems(t).stream()).toList();
        if (!problems.isEmpty()) {
            throw new UsageException("Tests that cannot be graded as declared:\n  " + String.join("\n  ", problems));
        }
        return selected;
    }

    private Result runSelected(SuiteOptions options, List<SuiteTest> selected, SuiteListener listener)
            throws IOException, InterruptedException {
        MachineInfo machine = env.machine();
        String selection = "stress.scenario=" + options.scenario().orElse(SuiteOptions.ALL)
                + ", stress.test=" + options.test().orElse(SuiteOptions.ALL)
                + ", stress.group=" + options.group().map(TestKind::label).orElse(SuiteOptions.ALL);
        Map<TestKind, List<String>> jcstressOptions = new EnumMap<>(TestKind.class);
        Map<String, TestVerdict> verdicts = new LinkedHashMap<>();
        List<ProcessRun> processRuns = new ArrayList<>();
        String problem = null;

        LincheckVerdicts lincheck = LincheckVerdicts.none();
        if (options.lincheckFile().isPresent()) {
            try {
                lincheck = LincheckVerdicts.read(options.lincheckFile().get(), options.runId());
                LOG.info("Joined {} Lincheck records from {}", lincheck.size(), options.lincheckFile().get());
            } catch (IOException e) {
                problem = e.getMessage();
            }
        }
        if (problem == null && machine.cpus() < MIN_CPUS) {
            problem = "This machine has " + machine.cpus() + " CPU; JCStress needs at least " + MIN_CPUS
                    + " (one per actor) to run the suite.";
        }
        double wall = 0;
        Integer jcstressExit = null;
        if (problem != null) {
            LOG.error(problem);
            for (SuiteTest t : selected) {
                TestVerdict v = Grader.error(t, problem);
                verdicts.put(t.name(), v);
                listener.graded(v);
            }
        } else {
            BatchRunner batches = new BatchRunner(env, options, machine);
            for (Map.Entry<List<String>, List<TestKind>> process : processes(options, machine, selected).entrySet()) {
                List<TestKind> kinds = process.getValue();
                List<SuiteTest> tests = selected.stream().filter(t -> kinds.contains(t.kind())).toList();
                kinds.forEach(k -> jcstressOptions.put(k, process.getKey()));
                BatchRunner.Batch batch = batches.run(kinds, tests);
                wall += batch.wallSeconds();
                if (batch.process() != null) {
                    processRuns.add(batch.process());
                }
                if (batch.exitCode() != null) {
                    jcstressExit = jcstressExit == null || jcstressExit == 0 ? batch.exitCode() : jcstressExit;
                }
                if (batch.problem() != null) {
                    problem = problem == null ? batch.problem() : problem + "; " + batch.problem();
                }
                List<TestVerdict> graded = new ArrayList<>(batch.verdicts());
                List<SuiteTest> unseen = graded.stream().filter(v -> v.verdict().isUnseen()).map(TestVerdict::test)
                        .toList();
                if (!unseen.isEmpty() && batch.problem() == null) {
                    BatchRunner.Batch second = secondChance(batches, kinds, unseen);
                    wall += second.wallSeconds();
                    if (second.process() != null) {
                        processRuns.add(second.process());
                    }
                    graded.replaceAll(v -> second.verdicts().stream().filter(w -> w.test().equals(v.test()))
                            .findFirst().map(w -> w.afterFirstRun(v)).orElse(v));
                    if (second.problem() != null) {
                        problem = problem == null ? second.problem() : problem + "; " + second.problem();
                    }
                }
                for (TestVerdict v : graded) {
                    TestVerdict joined = v.withLincheck(lincheck.forTest(v.test().name()));
                    verdicts.put(v.test().name(), joined);
                    listener.graded(joined);
                }
            }
        }
        List<TestVerdict> rows = new ArrayList<>(verdicts.values());
        rows.sort(Comparator.comparingInt(v -> selected.indexOf(v.test())));
        SuiteReport report = new SuiteReport(rows, machine, options.budget(), jcstressOptions, selection, wall,
                jcstressExit, options.runId().isEmpty() ? null : options.runId(), problem, processRuns);
        ReportFiles.write(report, options.resultsDir());
        ConsoleSummary.log(report);
        LOG.info("Reports: {} ({}, {}, {})", options.resultsDir(), ReportFiles.SUMMARY_MD, ReportFiles.SUMMARY_JSON,
                ReportFiles.LITMUS_MD);
        return new Result(exitCode(report), report);
    }

    /**
     * Runs once more the tests whose bad state had to be seen and was not. Not seeing a state is a
     * matter of chance (a busy machine can starve a test VM down to a few thousand samples, where a
     * quiet one takes millions), so it gets one more run of the same budget before it fails the
     * build; seeing a FORBIDDEN state is never a matter of chance and is never run again. The second
     * run's files sit beside the first's, named "-second-run".
     */
    private static BatchRunner.Batch secondChance(BatchRunner batches, List<TestKind> kinds, List<SuiteTest> unseen)
            throws IOException, InterruptedException {
        LOG.warn("{} test(s) did not show the state they must show; running them once more: {}", unseen.size(),
                unseen.stream().map(SuiteTest::shortName).toList());
        return batches.run(kinds, unseen, SECOND_RUN);
    }

    static final String SECOND_RUN = "-second-run";

    /**
     * The JCStress processes to start: the selected kinds grouped by the JCStress options their budgets
     * give, so kinds with the same options share one process (and its start-up).
     */
    static Map<List<String>, List<TestKind>> processes(SuiteOptions options, MachineInfo machine,
                                                       List<SuiteTest> selected) {
        Map<List<String>, List<TestKind>> processes = new LinkedHashMap<>();
        for (TestKind kind : TestKind.values()) {
            if (selected.stream().anyMatch(t -> t.kind() == kind)) {
                processes.computeIfAbsent(options.budget().jcstressArgs(machine.jvmFeature(), kind),
                        k -> new ArrayList<>()).add(kind);
            }
        }
        return processes;
    }

    static int exitCode(SuiteReport report) {
        if (report.problem() != null) {
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
}
