package dev.pageflags.stress.harness.report;

import com.google.gson.GsonBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * merged.json: the content of merged.md for programs. {@code runs[]} (file, runId, machine, jvm, budget,
 * cpus, cpuModel, arch, jvmFeature); {@code tests[]}, {@code litmus[]}, {@code atomicity[]}, each entry
 * one test with {@code runs[]}, one row per run in the order of {@code runs[]} ({@code run} is its "#n").
 */
public final class MergedJson {
    private MergedJson() {
    }

    public static String render(MergedView view) {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Object> runs = new ArrayList<>();
        for (int i = 0; i < view.runs().size(); i++) {
            RunSummary r = view.runs().get(i);
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("run", MergedView.runLabel(i));
            run.put("file", r.fileLabel());
            run.put("runId", r.runId());
            run.put("machine", r.machine().label());
            run.put("cpuModel", r.machine().cpuModel());
            run.put("cpus", r.machine().cpus());
            run.put("arch", r.machine().osArch());
            run.put("jvm", r.machine().jvm());
            run.put("jvmFeature", r.machine().jvmFeature());
            run.put("budget", r.budgetName());
            runs.add(run);
        }
        root.put("runs", runs);
        root.put("tests", tests(view));
        root.put("litmus", litmus(view));
        root.put("atomicity", pairs(view));
        return new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(root)
                + "\n";
    }

    private static List<Object> tests(MergedView view) {
        List<Object> out = new ArrayList<>();
        for (String name : view.testNames()) {
            Map<String, Object> test = new LinkedHashMap<>();
            test.put("test", name);
            List<Object> rows = new ArrayList<>();
            for (int i = 0; i < view.runs().size(); i++) {
                RunSummary r = view.runs().get(i);
                RunSummary.TestRow t = view.test(i, name);
                if (test.size() == 1 && t != null) {
                    test.put("kind", t.kind());
                    test.put("variant", t.variant());
                }
                Map<String, Object> row = runColumns(view, i);
                row.put("samples", t == null ? null : t.samples());
                row.put("bad", t == null ? null : t.bad());
                row.put("ratePerMillion", t == null || t.samples() == 0 ? null : t.ratePerMillion());
                row.put("verdict", t == null ? null : t.verdict());
                rows.add(row);
            }
            test.put("runs", rows);
            out.add(test);
        }
        return out;
    }

    private static List<Object> litmus(MergedView view) {
        List<Object> out = new ArrayList<>();
        for (String name : view.litmusNames()) {
            Map<String, Object> test = new LinkedHashMap<>();
            RunSummary.LitmusRow first = view.litmus(0, name);
            test.put("litmus", first.litmus());
            test.put("test", name);
            test.put("lkmm", first.lkmm());
            test.put("x86", first.x86());
            List<Object> rows = new ArrayList<>();
            for (int i = 0; i < view.runs().size(); i++) {
                RunSummary.LitmusRow l = view.litmus(i, name);
                Map<String, Object> row = runColumns(view, i);
                row.put("samples", l == null ? null : l.samples());
                row.put("observed", l == null ? null : l.observed());
                row.put("grade", l == null ? null : l.grade());
                rows.add(row);
            }
            test.put("runs", rows);
            out.add(test);
        }
        return out;
    }

    private static List<Object> pairs(MergedView view) {
        List<Object> out = new ArrayList<>();
        for (String name : view.pairNames()) {
            Map<String, Object> test = new LinkedHashMap<>();
            RunSummary.PairRow first = view.pair(0, name);
            test.put("pair", first.pair());
            test.put("test", name);
            test.put("atomic", first.atomic());
            List<Object> rows = new ArrayList<>();
            for (int i = 0; i < view.runs().size(); i++) {
                RunSummary.PairRow p = view.pair(i, name);
                Map<String, Object> row = runColumns(view, i);
                row.put("samples", p == null ? null : p.samples());
                row.put("lostUpdates", p == null ? null : p.lostUpdates());
                row.put("lostUpdatesPerMillion", p == null || p.samples() == 0 ? null : p.lostUpdatesPerMillion());
                row.put("grade", p == null ? null : p.grade());
                rows.add(row);
            }
            test.put("runs", rows);
            out.add(test);
        }
        return out;
    }

    private static Map<String, Object> runColumns(MergedView view, int i) {
        RunSummary r = view.runs().get(i);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("run", MergedView.runLabel(i));
        row.put("machine", r.machine().label());
        row.put("jvm", r.machine().jvm());
        row.put("budget", r.budgetName());
        return row;
    }
}
