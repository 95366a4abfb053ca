package dev.pageflags.stress.harness;

import com.google.gson.GsonBuilder;
import dev.pageflags.machine.MachineInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * results/stress/summary.json: one row per test (test, seed, variant, samples, bad, verdict, its
 * Lincheck record, its rate against the calibration test, its CPUs and VM time), the litmus and
 * atomicity tables, the calibration, the JCStress processes, the machine, the budget. Fields are only
 * ever added, never renamed: other tools read this file.
 */
public final class SummaryJson {
    private SummaryJson() {
    }

    /** What the added per-test figures mean, carried in the file so that it reads on its own. */
    static final String RATE_NOTE = "rateVsCalibration: samplesPerSecond over the calibration test's of this run"
            + " (it runs in the races' JCStress process with their options); null without either rate, and for"
            + " Termination-mode tests, whose sample is a thread run to its end. belowRateFloor: a race test under"
            + " calibration.raceFloor.";
    static final String CPUS_NOTE = "cpus: the CPUs JCStress's scheduler reserved for one of the test's VMs"
            + " (cpuSlots: which, in JCStress's numbering), from its result file; JCStress packs tests so that"
            + " reservations never overlap; actorsPinned: whether it also bound each actor to one (-af LOCAL; the"
            + " suite runs -af NONE). null when the result file had no CPU map.";
    static final String VM_NOTE = "vmSeconds: the test's forked JCStress VMs (vmForks of them), start-up,"
            + " sampling and exit, lifetimes summed, measured by the runner from the processes (JCStress records no"
            + " time per test), each short by up to " + ForkWatchdog.PERIOD_MS + " ms; a test given a second run"
            + " counts both. null when the runner saw none of its VMs.";

    public static String render(SuiteReport report) {
        SamplingRates rates = SamplingRates.of(report);
        Map<String, Object> root = new LinkedHashMap<>();
        List<Object> tests = new ArrayList<>();
        for (TestVerdict v : report.tests()) {
            tests.add(row(v, rates));
        }
        root.put("tests", tests);
        root.put("litmus", LitmusTable.rows(report));
        root.put("atomicity", AtomicityTable.rows(report));
        root.put("machine", machine(report.machine()));
        root.put("budget", budget(report));
        root.put("runId", report.runId());
        root.put("problem", report.problem());
        root.put("calibration", calibration(report, rates));
        root.put("processes", processes(report));
        root.put("sampleCost", SampleCostTable.json(report, rates));
        Map<String, Object> notes = new LinkedHashMap<>();
        notes.put("rateVsCalibration", RATE_NOTE);
        notes.put("cpus", CPUS_NOTE);
        notes.put("vmSeconds", VM_NOTE);
        root.put("notes", notes);
        return new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(root)
                + "\n";
    }

    private static Map<String, Object> row(TestVerdict v, SamplingRates rates) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("test", v.test().name());
        row.put("kind", v.test().kind().label());
        row.put("seed", v.test().seed());
        row.put("variant", v.test().variantLabel());
        row.put("samples", v.samples());
        row.put("bad", v.bad());
        row.put("verdict", v.verdict().label());
        row.put("ratePerMillion", Formats.round3(v.ratePerMillion()));
        row.put("samplesPerSecond", v.samplesPerSecond() < 0 ? null : Math.round(v.samplesPerSecond()));
        row.put("samplingSeconds", Formats.round3(v.samplingSeconds()));
        row.put("mode", v.test().mode().name());
        row.put("description", v.test().description());
        row.put("reason", v.reason());
        row.put("forbidden", v.forbidden());
        row.put("jvmConfigs", v.jvmConfigs());
        List<Object> outcomes = new ArrayList<>();
        for (OutcomeCount o : v.outcomes()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("state", o.state());
            out.put("expect", o.expect().name());
            out.put("count", o.count());
            out.put("description", o.description());
            outcomes.add(out);
        }
        row.put("outcomes", outcomes);
        if (v.lincheck() != null) {
            row.put("lincheck", lincheck(v.lincheck()));
        }
        OptionalDouble share = rates.share(v);
        row.put("rateVsCalibration", share.isPresent() ? Formats.round3(share.getAsDouble()) : null);
        row.put("belowRateFloor", rates.belowFloor(v));
        row.put("actors", v.test().actors());
        TestResources r = v.resources();
        row.put("cpus", r.cpusKnown() ? r.cpus() : null);
        row.put("cpuSlots", r.cpuSlots());
        row.put("actorsPinned", r.cpusKnown() ? r.actorsPinned() : null);
        row.put("vmForks", r.forks());
        row.put("vmSeconds", r.vmTimeMeasured() ? Formats.round3(r.vmSeconds()) : null);
        return row;
    }

    private static Map<String, Object> calibration(SuiteReport report, SamplingRates rates) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("test", rates.calibration().map(v -> v.test().name()).orElse(null));
        out.put("samplesPerSecond", rates.calibrationRate().isPresent()
                ? Math.round(rates.calibrationRate().getAsDouble()) : null);
        out.put("raceFloor", SamplingRates.RACE_FLOOR);
        out.put("belowFloor", rates.belowFloor(report).stream().map(v -> v.test().name()).toList());
        out.put("problem", rates.problem());
        return out;
    }

    private static List<Object> processes(SuiteReport report) {
        List<Object> out = new ArrayList<>();
        for (ProcessRun p : report.processes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", p.label());
            m.put("tests", p.tests());
            m.put("wallSeconds", Formats.round3(p.wallSeconds()));
            m.put("maxConcurrentForks", p.maxConcurrentForks());
            m.put("unattributedVmSeconds", Formats.round3(p.unattributedVmSeconds()));
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> lincheck(LincheckVerdict l) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("verdict", l.verdict());
        out.put("invocations", l.invocations());
        out.put("bound", l.bound());
        out.put("complete", l.complete());
        out.put("trace", l.trace());
        out.put("note", l.note());
        return out;
    }

    private static Map<String, Object> machine(MachineInfo m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cpus", m.cpus());
        out.put("cpuModel", m.cpuModel());
        out.put("threadsPerCore", m.threadsPerCore() == 0 ? null : m.threadsPerCore());
        out.put("vcpusShareCore", m.vcpusShareCore());
        out.put("cpuMhz", m.cpuMhz());
        out.put("jvmVendor", m.jvmVendor());
        out.put("jvmVersion", m.jvmVersion());
        out.put("jvmName", m.jvmName());
        out.put("jvmFeature", m.jvmFeature());
        out.put("osName", m.osName());
        out.put("osArch", m.arch());
        out.put("osVersion", m.osVersion());
        out.put("facts", m.facts());
        return out;
    }

    private static Map<String, Object> budget(SuiteReport r) {
        Map<String, Object> out = new LinkedHashMap<>();
        int feature = r.machine().jvmFeature();
        out.put("name", r.budget().label());
        out.put("description", r.budget().description());
        out.put("jcstressOptions", r.budgetArgs());
        Map<String, Object> byKind = new LinkedHashMap<>();
        for (TestKind kind : TestKind.values()) {
            if (r.jcstressOptions().containsKey(kind)) {
                Map<String, Object> k = new LinkedHashMap<>();
                k.put("jcstressOptions", r.jcstressOptions().get(kind));
                k.put("iterations", r.budget().iterations(feature, kind));
                k.put("iterationMs", r.budget().iterationMs(kind));
                k.put("forkDeadlineSeconds", r.budget().forkDeadlineSeconds(feature, kind));
                byKind.put(kind.label(), k);
            }
        }
        out.put("byKind", byKind);
        int configs = r.budget().expectedJvmConfigs(feature);
        out.put("jcstressMatrix", !r.budget().singleConfiguration());
        out.put("jvmConfigsPerTest", configs == 0 ? null : configs);
        out.put("iterations", r.budget().iterations(feature));
        out.put("iterationMs", r.budget().iterationMs());
        out.put("selection", r.selection());
        out.put("wallSeconds", Formats.round3(r.wallSeconds()));
        out.put("jcstressExitCode", r.jcstressExit());
        return out;
    }
}
