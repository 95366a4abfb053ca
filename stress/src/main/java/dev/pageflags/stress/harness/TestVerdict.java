package dev.pageflags.stress.harness;

import java.util.List;

/**
 * One graded test: a row of summary.json, summary.md and a Failsafe test case.
 *
 * @param bad             samples in the test's declared bad states
 * @param forbidden       samples in any FORBIDDEN or unknown state (each one fails the test)
 * @param reason          one sentence saying why the verdict is what it is
 * @param samplingSeconds iterations x time per iteration, summed over JVM configurations; 0 if not run
 * @param lincheck        the Lincheck verdict of the same test, or null
 * @param resources       the CPUs JCStress reserved for its VMs and how long they ran
 */
public record TestVerdict(SuiteTest test, long samples, long bad, long forbidden, Verdict verdict,
                          String reason, List<OutcomeCount> outcomes, List<String> jvmConfigs,
                          double samplingSeconds, LincheckVerdict lincheck, TestResources resources) {

    public TestVerdict {
        outcomes = List.copyOf(outcomes);
        jvmConfigs = List.copyOf(jvmConfigs);
        resources = resources == null ? TestResources.UNKNOWN : resources;
    }

    /** Bad samples per million samples; 0 when nothing was sampled. */
    public double ratePerMillion() {
        return samples == 0 ? 0 : bad * 1e6 / samples;
    }

    /** Samples per second of sampling time, or -1 when unknown. */
    public double samplesPerSecond() {
        return samplingSeconds > 0 ? samples / samplingSeconds : -1;
    }

    /**
     * This verdict, of a second run, with the first run's miss said in the reason: a reader must see
     * that the state took two runs, and how many samples the first one had.
     */
    public TestVerdict afterFirstRun(TestVerdict first) {
        String said = "second run, after the first saw nothing in " + first.samples() + " samples: " + reason;
        return new TestVerdict(test, samples, bad, forbidden, verdict, said, outcomes, jvmConfigs, samplingSeconds,
                lincheck, resources.plusVmsOf(first.resources()));
    }

    public TestVerdict withLincheck(LincheckVerdict verdict) {
        return new TestVerdict(test, samples, bad, forbidden, this.verdict, reason, outcomes, jvmConfigs,
                samplingSeconds, verdict, resources);
    }

    /** This verdict with the VM time the runner measured for the test. */
    public TestVerdict withVms(int forks, double vmSeconds) {
        return new TestVerdict(test, samples, bad, forbidden, verdict, reason, outcomes, jvmConfigs,
                samplingSeconds, lincheck, resources.withVms(forks, vmSeconds));
    }
}
