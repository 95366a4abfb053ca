package dev.pageflags.stress.harness;

import com.google.gson.GsonBuilder;
import dev.pageflags.machine.MachineInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * results/stress/summary.json: one row per test (test, seed, variant, samples, bad, verdict, and its
 * Lincheck record), the litmus and atomicity tables, the machine, the budget.
 */
public final class SummaryJson {
    private SummaryJson() {
    }

    public static String render(SuiteReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Object> tests = new ArrayList<>();
        for (TestVerdict v : report.tests()) {
            tests.add(row(v));
        }
        root.put("tests", tests);
        root.put("litmus", LitmusTable.rows(report));
        root.put("atomicity", AtomicityTable.rows(report));
        root.put("machine", machine(report.machine()));
        root.put("budget", budget(report));
        root.put("runId", report.runId());
        root.put("problem", report.problem());
        return new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(root)
                + "\n";
    }

    private static Map<String, Object> row(TestVerdict v) {
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
        return row;
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
