package dev.pageflags.stress.harness;

import dev.pageflags.machine.MachineInfo;

import java.util.List;
import java.util.Map;

/**
 * Everything the report writers need from one run.
 *
 * @param jcstressOptions the JCStress options each kind's budget turned into
 * @param selection       the filters asked for, as the user wrote them ("all" when none)
 * @param wallSeconds     the JCStress runs, start to end, summed; 0 when none ran
 * @param jcstressExit    the first non-zero JCStress exit code, 0 when all exited 0, null when none ran
 * @param problem         why the suite as a whole failed (refused, could not run), or null
 * @param processes       the JCStress processes that ran, in order, as the runner timed them
 */
public record SuiteReport(List<TestVerdict> tests, MachineInfo machine, Budget budget,
                          Map<TestKind, List<String>> jcstressOptions, String selection, double wallSeconds,
                          Integer jcstressExit, String runId, String problem, List<ProcessRun> processes) {

    public SuiteReport {
        tests = List.copyOf(tests);
        jcstressOptions = Map.copyOf(jcstressOptions);
        processes = List.copyOf(processes);
    }

    /** The races' JCStress options: what summary.json called "jcstressOptions" before there were kinds. */
    public List<String> budgetArgs() {
        return jcstressOptions.getOrDefault(TestKind.RACES, budget.jcstressArgs(machine.jvmFeature()));
    }

    public List<TestVerdict> failing() {
        return tests.stream().filter(t -> t.verdict().failsBuild()).toList();
    }

    public List<TestVerdict> ofKind(TestKind kind) {
        return tests.stream().filter(t -> t.test().kind() == kind).toList();
    }

    public boolean passed() {
        return problem == null && failing().isEmpty();
    }
}
