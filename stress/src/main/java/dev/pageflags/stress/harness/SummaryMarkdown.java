package dev.pageflags.stress.harness;

import dev.pageflags.machine.MachineInfo;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** results/stress/summary.md: the tables a reader looks at first. */
public final class SummaryMarkdown {
    private SummaryMarkdown() {
    }

    public static String render(SuiteReport report) {
        StringBuilder md = new StringBuilder();
        md.append("# JCStress suite: ").append(verdictLine(report)).append("\n\n");
        if (report.problem() != null) {
            md.append("**").append(cell(report.problem())).append("**\n\n");
        }
        List<TestVerdict> races = report.ofKind(TestKind.RACES);
        if (!races.isEmpty()) {
            md.append("| Test | Seed | Variant | Samples | Bad | Rate per million | Verdict | Lincheck |\n");
            md.append("|---|---|---|---:|---:|---:|---|---|\n");
            for (TestVerdict v : races) {
                md.append("| ").append(cell(v.test().shortName()))
                        .append(" | ").append(v.test().seed())
                        .append(" | ").append(v.test().variantLabel())
                        .append(" | ").append(Formats.grouped(v.samples()))
                        .append(" | ").append(Formats.grouped(v.bad()))
                        .append(" | ").append(Formats.rate(v))
                        .append(" | ").append(verdictCell(v))
                        .append(" | ").append(v.lincheck() == null ? "" : cell(lincheck(v.lincheck())))
                        .append(" |\n");
            }
        }
        String litmus = LitmusTable.table(report);
        if (!litmus.isEmpty()) {
            md.append("\n## Litmus tests\n\n").append(litmus);
        }
        String atomicity = AtomicityTable.table(report);
        if (!atomicity.isEmpty()) {
            md.append("\n## Bit-operation pairs\n\n").append(atomicity);
        }
        md.append(RateTable.section(report));
        md.append("\n## Why\n\n");
        for (TestVerdict v : report.tests()) {
            md.append("- `").append(v.test().shortName()).append("` ").append(v.verdict().label()).append(": ")
                    .append(v.reason()).append(".\n");
        }
        md.append("\n## Run\n\n");
        md.append("| | |\n|---|---|\n");
        MachineInfo m = report.machine();
        for (Map.Entry<String, String> fact : m.facts().entrySet()) {
            md.append("| ").append(fact.getKey()).append(" | ").append(cell(fact.getValue())).append(" |\n");
        }
        md.append("| Budget | `").append(report.budget().label()).append("`, ").append(report.budget().description())
                .append(" |\n");
        for (Map.Entry<TestKind, List<String>> e : report.jcstressOptions().entrySet()) {
            md.append("| JCStress options (").append(e.getKey().label()).append(") | `")
                    .append(String.join(" ", e.getValue())).append("` |\n");
        }
        md.append("| Selection | ").append(report.selection()).append(" |\n");
        md.append("| JCStress wall time | ").append(String.format(Locale.ROOT, "%.1f s", report.wallSeconds()))
                .append(report.jcstressExit() == null ? "" : ", exit code " + report.jcstressExit()).append(" |\n");
        md.append("\nRate per million: bad samples per million samples. The HTML report of every race test is in"
                + " `index.html` beside this file (litmus and atomicity tests in the folder named after them).\n");
        return md.toString();
    }

    static String verdictCell(TestVerdict v) {
        return v.verdict().failsBuild() ? "**" + v.verdict().label() + "**" : v.verdict().label();
    }

    private static String verdictLine(SuiteReport report) {
        int failing = report.failing().size();
        if (report.problem() != null) {
            return "could not run as asked, " + failing + " of " + report.tests().size() + " tests need attention";
        }
        String line = failing == 0 ? "all " + report.tests().size() + " tests as expected"
                : failing + " of " + report.tests().size() + " tests need attention";
        // A test left out here (another architecture, too few CPUs, tough only) is no pass: say so first.
        long notRun = report.tests().stream().filter(v -> v.verdict() == Verdict.NOT_RUN).count();
        String rates = RateTable.headline(report);
        return (notRun == 0 ? line : line + " (" + notRun + " not run, see below)")
                + (rates.isEmpty() ? "" : "; " + rates);
    }

    private static String lincheck(LincheckVerdict l) {
        StringBuilder s = new StringBuilder(l.verdict());
        s.append(" (").append(Formats.grouped(l.invocations())).append(" of ").append(Formats.grouped(l.bound()))
                .append(" interleavings").append(l.complete() ? ", complete" : "").append(')');
        if (l.trace() != null) {
            s.append(" [trace](../").append(l.trace()).append(')');
        }
        return s.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
