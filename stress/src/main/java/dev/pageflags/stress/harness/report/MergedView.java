package dev.pageflags.stress.harness.report;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The runs side by side, looked up by test name: the one place that decides which tests get a table
 * of their own and in what order (the first run's), so the markdown, the JSON and the chart agree.
 * A test's row lives in exactly one section: litmus tests in the litmus tables, bit-op pairs in the
 * atomicity tables, every other test (the races) in the test tables.
 */
public final class MergedView {
    private final List<RunSummary> runs;
    private final List<Map<String, RunSummary.TestRow>> tests;
    private final List<Map<String, RunSummary.LitmusRow>> litmus;
    private final List<Map<String, RunSummary.PairRow>> pairs;

    public MergedView(List<RunSummary> runs) {
        this.runs = List.copyOf(runs);
        this.tests = runs.stream().map(r -> index(r.tests(), RunSummary.TestRow::test)).toList();
        this.litmus = runs.stream().map(r -> index(r.litmus(), RunSummary.LitmusRow::test)).toList();
        this.pairs = runs.stream().map(r -> index(r.atomicity(), RunSummary.PairRow::test)).toList();
    }

    private static <T> Map<String, T> index(List<T> rows, Function<T, String> name) {
        Map<String, T> map = new HashMap<>();
        for (T row : rows) {
            if (row != null && name.apply(row) != null) {
                map.putIfAbsent(name.apply(row), row);
            }
        }
        return map;
    }

    public List<RunSummary> runs() {
        return runs;
    }

    /** "#1", "#2": how the tables refer to a run, in the order the files were given. */
    public static String runLabel(int index) {
        return "#" + (index + 1);
    }

    /** The tests that get a table in the test section: all but the litmus tests and bit-op pairs. */
    public List<String> testNames() {
        Set<String> elsewhere = new HashSet<>();
        runs.get(0).litmus().forEach(l -> elsewhere.add(l.test()));
        runs.get(0).atomicity().forEach(p -> elsewhere.add(p.test()));
        return runs.get(0).tests().stream().map(RunSummary.TestRow::test).filter(n -> !elsewhere.contains(n))
                .distinct().toList();
    }

    /** The race tests, the chart's rows. */
    public List<String> raceNames() {
        return runs.get(0).tests().stream().filter(t -> "races".equals(t.kind())).map(RunSummary.TestRow::test)
                .distinct().toList();
    }

    public List<String> litmusNames() {
        return runs.get(0).litmus().stream().map(RunSummary.LitmusRow::test).distinct().toList();
    }

    public List<String> pairNames() {
        return runs.get(0).atomicity().stream().map(RunSummary.PairRow::test).distinct().toList();
    }

    /** The row of {@code test} in run {@code run}, or null when that run has none. */
    public RunSummary.TestRow test(int run, String test) {
        return tests.get(run).get(test);
    }

    public RunSummary.LitmusRow litmus(int run, String test) {
        return litmus.get(run).get(test);
    }

    public RunSummary.PairRow pair(int run, String test) {
        return pairs.get(run).get(test);
    }

    /** The class name without the project's package: what a reader recognises from summary.md. */
    public static String shortName(String test) {
        String prefix = "dev.pageflags.stress.";
        return test.startsWith(prefix) ? test.substring(prefix.length()) : test;
    }
}
