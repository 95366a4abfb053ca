package dev.pageflags.stress.harness;

import dev.pageflags.machine.MachineInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs the tests of one or more kinds in one JCStress process and grades them. JCStress's options
 * are global to a process, so kinds whose budgets differ need a process each; kinds whose budgets
 * give the same options (litmus and atomicity, today) share one and its start-up. One process per test would cost
 * JCStress's start-up (seconds of probing) for every test; the per-test
 * deadline is kept by killing the hung fork instead ({@link ForkWatchdog}).
 */
final class BatchRunner {
    private static final Logger LOG = LoggerFactory.getLogger(BatchRunner.class);
    /** Beyond the per-test estimates, what JCStress's start-up and a couple of slow forks may take. */
    private static final Duration RUN_DEADLINE_SLACK = Duration.ofMinutes(3);

    /**
     * One JCStress process's graded tests.
     *
     * @param exitCode JCStress's exit code, null when it did not run
     * @param problem  why JCStress itself failed (no result file, stopped by the whole-run deadline), or null
     * @param process  the JCStress process as timed, null when none ran
     */
    record Batch(List<TestVerdict> verdicts, double wallSeconds, Integer exitCode, String problem,
                 ProcessRun process) {
    }

    private final SuiteEnvironment env;
    private final SuiteOptions options;
    private final MachineInfo machine;

    BatchRunner(SuiteEnvironment env, SuiteOptions options, MachineInfo machine) {
        this.env = env;
        this.options = options;
        this.machine = machine;
    }

    /** Runs {@code tests}, all of {@code kinds}, whose budgets all give the same JCStress options. */
    Batch run(List<TestKind> kinds, List<SuiteTest> tests) throws IOException, InterruptedException {
        return run(kinds, tests, "");
    }

    /**
     * As {@link #run(List, List)}, its files (work folder, HTML report, output log) named with
     * {@code labelSuffix} too, so that a second run of some of the same tests keeps the first's.
     */
    Batch run(List<TestKind> kinds, List<SuiteTest> tests, String labelSuffix) throws IOException, InterruptedException {
        TestKind kind = kinds.get(0);
        String label = ReportFiles.label(kinds) + labelSuffix;
        List<TestVerdict> verdicts = new ArrayList<>();
        List<SuiteTest> runnable = new ArrayList<>();
        for (SuiteTest t : tests) {
            Optional<TestVerdict> notRunnable = notRunnable(t);
            if (notRunnable.isPresent()) {
                verdicts.add(notRunnable.get());
            } else {
                runnable.add(t);
            }
        }
        if (runnable.isEmpty()) {
            return new Batch(verdicts, 0, null, null, null);
        }
        Budget budget = options.budget();
        int feature = machine.jvmFeature();
        List<String> args = budget.jcstressArgs(feature, kind);
        double perTest = budget.expectedSecondsPerTest(feature, kind);
        Duration forkDeadline = options.forkDeadline()
                .orElse(Duration.ofSeconds(budget.forkDeadlineSeconds(feature, kind)));
        Duration runDeadline = options.runDeadline()
                .orElse(Duration.ofSeconds(Math.round(3 * perTest * runnable.size())).plus(RUN_DEADLINE_SLACK));
        LOG.info("Running {} {} tests in one JCStress process under budget '{}': about {} s per test, {} min in"
                        + " all; a test VM is killed after {} s. JCStress options: {}", runnable.size(), label,
                budget.label(), Math.round(perTest), String.format(Locale.ROOT, "%.1f", perTest * runnable.size() / 60),
                forkDeadline.toSeconds(), String.join(" ", args));

        Path work = options.workDir().resolve(label);
        clearOldResults(work);
        Path reportDir = ReportFiles.htmlDir(options.resultsDir(), label);
        List<String> cmd = env.command().build(options.jar(), args, runnable.stream().map(SuiteTest::name).toList(),
                reportDir);
        Duration afterAHang = options.forkDeadline()
                .orElse(Duration.ofSeconds(budget.forkDeadlineAfterAHangSeconds(feature, kind)));
        JCStressLauncher.Exit exit = JCStressLauncher.run(cmd, work,
                options.resultsDir().resolve(ReportFiles.outputLog(label)),
                new JCStressLauncher.Deadlines(forkDeadline, afterAHang, runDeadline));
        String problem = null;
        ProcessRun process = new ProcessRun(label, runnable.size(), exit.wallSeconds(), exit.forks().maxConcurrent(),
                exit.forks().unattributedSeconds());
        Map<String, ForkLog.VmTime> vms = exit.forks().byTest();
        Optional<Path> file = env.results().find(work);
        if (file.isEmpty()) {
            problem = "JCStress (" + label + ") left no result file (exit code " + exit.code()
                    + (exit.timedOut() ? ", stopped by the whole-run deadline: hung" : "") + "); see its output above";
            for (SuiteTest t : runnable) {
                verdicts.add(withVms(Grader.error(t, problem), vms));
            }
            return new Batch(verdicts, exit.wallSeconds(), exit.code(), problem, process);
        }
        Files.copy(file.get(), options.resultsDir().resolve(ReportFiles.resultCopy(label)),
                StandardCopyOption.REPLACE_EXISTING);
        Map<String, TestRun> runs = env.results().read(file.get());
        boolean x86 = machine.isX86();
        for (SuiteTest t : runnable) {
            TestRun r = runs.get(t.name());
            TestVerdict v;
            if (exit.hungTests().contains(t.name())) {
                v = Grader.error(t, "hung: its test VM ran past the per-test deadline ("
                        + forkDeadline.toSeconds() + " s, " + afterAHang.toSeconds() + " s after a first hang)"
                        + " and was killed");
            } else if (r != null) {
                v = Grader.grade(t, r, x86);
            } else if (exit.timedOut()) {
                v = Grader.error(t, "hung: JCStress ran past its whole-run deadline of "
                        + runDeadline.toSeconds() + " s before this test reported");
            } else {
                v = Grader.error(t, "JCStress did not run it (exit code " + exit.code()
                        + "); its output above says why");
            }
            verdicts.add(withVms(v, vms));
        }
        if (exit.timedOut()) {
            problem = "JCStress (" + label + ") was stopped by the whole-run deadline of "
                    + runDeadline.toSeconds() + " s";
        }
        return new Batch(verdicts, exit.wallSeconds(), exit.code(), problem, process);
    }

    /** The verdict with its test's VM time, when the runner saw the test's forks. */
    private static TestVerdict withVms(TestVerdict v, Map<String, ForkLog.VmTime> vms) {
        ForkLog.VmTime t = vms.get(v.test().name());
        return t == null ? v : v.withVms(t.forks(), t.seconds());
    }

    /** A verdict for a test that is not to run here, or empty when it is. */
    private Optional<TestVerdict> notRunnable(SuiteTest t) {
        if (t.claim() instanceof Claim.Atomicity pair && pair.toughOnly() && options.budget() != Budget.TOUGH) {
            return Optional.of(Grader.notRun(t, "runs only in the tough budget"));
        }
        // Said, never passed: the summary and Failsafe (a skipped case) show where it did not run and why.
        if (t.claim() instanceof Claim.Race race && !race.runsOn(machine.arch())) {
            return Optional.of(Grader.notRun(t, race.notRunReason()));
        }
        int needed = Math.max(SuiteEngine.MIN_CPUS, t.cpusNeeded());
        if (needed <= machine.cpus()) {
            return Optional.empty();
        }
        String why = "needs " + needed + " CPUs, not run: this machine has " + machine.cpus();
        // A litmus test of three or four threads says nothing about a two-CPU machine; a race must run.
        return Optional.of(t.kind() == TestKind.LITMUS ? Grader.notRun(t, why) : Grader.error(t, why));
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
