package dev.pageflags.stress.harness;

import java.util.List;

/**
 * What JCStress recorded for one test, merged over its forks and JVM configurations.
 *
 * @param status          JCStress's status name: NORMAL, TEST_ERROR, VM_ERROR, TIMEOUT_ERROR, ...
 * @param outcomes        graded states, as in the HTML report
 * @param messages        JCStress's messages and the forked VM's error output, for failures
 * @param jvmConfigs      the distinct JVM argument lines the test ran with
 * @param samplingSeconds sum over its runs of iterations x time per iteration
 * @param resources       the CPUs JCStress reserved for its VMs (no VM time: the result file has none)
 */
public record TestRun(String name, String status, List<OutcomeCount> outcomes, List<String> messages,
                      List<String> jvmConfigs, double samplingSeconds, TestResources resources) {

    public TestRun {
        outcomes = List.copyOf(outcomes);
        messages = List.copyOf(messages);
        jvmConfigs = List.copyOf(jvmConfigs);
    }

    /** A run whose result file said nothing of CPUs. */
    public TestRun(String name, String status, List<OutcomeCount> outcomes, List<String> messages,
                   List<String> jvmConfigs, double samplingSeconds) {
        this(name, status, outcomes, messages, jvmConfigs, samplingSeconds, TestResources.UNKNOWN);
    }

    public boolean isNormal() {
        return "NORMAL".equals(status);
    }

    public long samples() {
        return outcomes.stream().mapToLong(OutcomeCount::count).sum();
    }
}
