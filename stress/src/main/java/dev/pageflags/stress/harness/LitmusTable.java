package dev.pageflags.stress.harness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The litmus table: each kernel litmus test with LKMM's verdict, x86-TSO's, what this run saw of the
 * exists-state and the grade. Printed in summary.md, written alone as litmus.md, and in summary.json.
 */
final class LitmusTable {
    private LitmusTable() {
    }

    static List<Map<String, Object>> rows(SuiteReport report) {
        return report.ofKind(TestKind.LITMUS).stream().map(LitmusTable::row).toList();
    }

    private static Map<String, Object> row(TestVerdict v) {
        Claim.Litmus litmus = (Claim.Litmus) v.test().claim();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("litmus", litmus.name());
        row.put("path", litmus.path());
        row.put("test", v.test().name());
        row.put("lkmm", word(litmus.lkmm().name()));
        row.put("x86", word(litmus.x86().name()));
        row.put("samples", v.samples());
        row.put("observed", v.bad());
        row.put("grade", v.verdict().label());
        return row;
    }

    /** The markdown table, or an empty string when the run had no litmus test. */
    static String table(SuiteReport report) {
        List<TestVerdict> rows = report.ofKind(TestKind.LITMUS);
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder();
        md.append("| Litmus test | LKMM | x86-TSO | Samples | Observed | Grade |\n");
        md.append("|---|---|---|---:|---:|---|\n");
        for (TestVerdict v : rows) {
            Claim.Litmus litmus = (Claim.Litmus) v.test().claim();
            md.append("| `").append(litmus.name()).append("` | ").append(word(litmus.lkmm().name()))
                    .append(" | ").append(word(litmus.x86().name()))
                    .append(" | ").append(Formats.grouped(v.samples()))
                    .append(" | ").append(Formats.grouped(v.bad()))
                    .append(" | ").append(SummaryMarkdown.verdictCell(v)).append(" |\n");
        }
        return md.toString();
    }

    static String page(SuiteReport report) {
        String table = table(report);
        return "# Kernel memory-model litmus tests on the Java mapping\n\n"
                + (table.isEmpty() ? "No litmus test ran in this run (" + report.selection() + ").\n"
                : "LKMM: the kernel memory model's verdict on the exists-state (`Result:` line). x86-TSO: whether"
                + " x86 allows it with the instructions the Java mapping emits. Observed: samples in the"
                + " exists-state.\n\n" + table);
    }

    private static String word(String enumName) {
        String lower = enumName.toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
