package dev.pageflags.stress.harness;

import java.util.List;

/**
 * Everything the report writers need from one run.
 *
 * @param budgetArgs      the JCStress options the budget turned into
 * @param selection       the filters asked for, as the user wrote them ("all" when none)
 * @param wallSeconds     the JCStress run, start to end; 0 when it did not run
 * @param jcstressExit    JCStress's exit code, or null when it did not run
 */
public record SuiteReport(List<TestVerdict> tests, MachineInfo machine, Budget budget, List<String> budgetArgs,
                          String selection, double wallSeconds, Integer jcstressExit) {

    public SuiteReport {
        tests = List.copyOf(tests);
        budgetArgs = List.copyOf(budgetArgs);
    }

    public List<TestVerdict> failing() {
        return tests.stream().filter(t -> t.verdict().failsBuild()).toList();
    }
}
