package dev.pageflags.stress.harness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The atomicity table: each pair of bit operations, whether both are atomic, its lost updates and grade. */
final class AtomicityTable {
    private AtomicityTable() {
    }

    static List<Map<String, Object>> rows(SuiteReport report) {
        return report.ofKind(TestKind.ATOMICITY).stream().map(v -> {
            Claim.Atomicity pair = (Claim.Atomicity) v.test().claim();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("pair", pair.pair());
            row.put("test", v.test().name());
            row.put("atomic", pair.atomic());
            row.put("samples", v.samples());
            row.put("lostUpdates", v.bad());
            row.put("lostUpdatesPerMillion", Formats.round3(v.ratePerMillion()));
            row.put("grade", v.verdict().label());
            return row;
        }).toList();
    }

    /** The markdown table, or an empty string when the run had no atomicity test. */
    static String table(SuiteReport report) {
        List<TestVerdict> rows = report.ofKind(TestKind.ATOMICITY);
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder();
        md.append("| Pair | Atomic? | Samples | Lost updates per million | Grade |\n");
        md.append("|---|---|---:|---:|---|\n");
        for (TestVerdict v : rows) {
            Claim.Atomicity pair = (Claim.Atomicity) v.test().claim();
            md.append("| `").append(pair.op1()).append("` / `").append(pair.op2()).append("` | ")
                    .append(pair.atomic() ? "yes" : "no")
                    .append(" | ").append(Formats.grouped(v.samples()))
                    .append(" | ").append(Formats.rate(v))
                    .append(" | ").append(SummaryMarkdown.verdictCell(v)).append(" |\n");
        }
        return md.toString();
    }
}
