package dev.pageflags.stress.harness;

import java.util.Locale;

/** results/stress/summary.md: the table a reader looks at first. */
public final class SummaryMarkdown {
    private SummaryMarkdown() {
    }

    public static String render(SuiteReport report) {
        StringBuilder md = new StringBuilder();
        md.append("# JCStress suite: ").append(verdictLine(report)).append("\n\n");
        md.append("| Test | Seed | Variant | Samples | Bad | Rate per million | Verdict | Lincheck |\n");
        md.append("|---|---|---|---:|---:|---:|---|---|\n");
        for (TestVerdict v : report.tests()) {
            md.append("| ").append(cell(v.test().shortName()))
                    .append(" | ").append(v.test().seed())
                    .append(" | ").append(v.test().variantLabel())
                    .append(" | ").append(Formats.grouped(v.samples()))
                    .append(" | ").append(Formats.grouped(v.bad()))
                    .append(" | ").append(Formats.rate(v))
                    .append(" | ").append(v.verdict().failsBuild() ? "**" + v.verdict().label() + "**" : v.verdict().label())
                    .append(" | ").append(v.lincheck() == null ? "" : cell(lincheck(v.lincheck())))
                    .append(" |\n");
        }
        md.append("\n## Why\n\n");
        for (TestVerdict v : report.tests()) {
            md.append("- `").append(v.test().shortName()).append("` ").append(v.verdict().label()).append(": ")
                    .append(v.reason()).append(".\n");
        }
        md.append("\n## Run\n\n");
        MachineInfo m = report.machine();
        md.append("- Machine: ").append(m.cpus()).append(" CPUs")
                .append(m.cpuModel() == null ? "" : ", " + m.cpuModel()).append("; ")
                .append(m.osName()).append(' ').append(m.osVersion()).append(' ').append(m.osArch()).append('\n');
        md.append("- JVM: ").append(m.jvmVendor()).append(' ').append(m.jvmName()).append(' ')
                .append(m.jvmVersion()).append('\n');
        md.append("- Budget: `").append(report.budget().label()).append("`, ").append(report.budget().description())
                .append("; JCStress options `").append(String.join(" ", report.budgetArgs())).append("`\n");
        md.append("- Selection: ").append(report.selection()).append('\n');
        md.append("- JCStress wall time: ").append(String.format(Locale.ROOT, "%.1f s", report.wallSeconds()))
                .append(report.jcstressExit() == null ? "" : ", exit code " + report.jcstressExit()).append('\n');
        md.append("\nRate per million: bad samples per million samples. The HTML report of every test is in"
                + " `index.html` beside this file.\n");
        return md.toString();
    }

    private static String verdictLine(SuiteReport report) {
        int failing = report.failing().size();
        return failing == 0 ? "all " + report.tests().size() + " tests as expected"
                : failing + " of " + report.tests().size() + " tests need attention";
    }

    private static String lincheck(LincheckVerdict l) {
        StringBuilder s = new StringBuilder(l.verdict() == null ? "?" : l.verdict());
        if (l.invocations() != null) {
            s.append(" (").append(Formats.grouped(l.invocations())).append(" invocations")
                    .append(Boolean.FALSE.equals(l.complete()) ? ", incomplete" : "").append(')');
        }
        if (l.trace() != null) {
            s.append(" [trace](../").append(l.trace()).append(')');
        }
        return s.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
