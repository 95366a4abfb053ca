package dev.pageflags.stress.harness.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The part of one run's summary.json the merge reads (the field names are summary.json's, so Gson maps
 * them directly), plus the file it came from. Everything else in the file (outcomes, Lincheck records,
 * JCStress options) stays in that file.
 */
public record RunSummary(Path file, String runId, Machine machine, Budget budget, List<TestRow> tests,
                         List<LitmusRow> litmus, List<PairRow> atomicity) {

    /** summary.json's {@code machine}: what a reader needs to tell two runs apart. */
    public record Machine(int cpus, String cpuModel, String osArch, String jvmVendor, String jvmName,
                          String jvmVersion, int jvmFeature) {
        /** "AMD EPYC, 2 CPUs, amd64": CPU model, CPU count, architecture. */
        public String label() {
            return (cpuModel == null ? "unknown CPU" : cpuModel) + ", " + cpus + (cpus == 1 ? " CPU, " : " CPUs, ")
                    + (osArch == null ? "unknown arch" : osArch);
        }

        /** "JDK 17 (Debian 17.0.15+6-Debian-1deb12u1)": the feature release first, since runs differ by it. */
        public String jvm() {
            String build = ((jvmVendor == null ? "" : jvmVendor + " ") + (jvmVersion == null ? "" : jvmVersion)).trim();
            return "JDK " + jvmFeature + (build.isEmpty() ? "" : " (" + build + ")");
        }
    }

    /** summary.json's {@code budget}: its name and what it means. */
    public record Budget(String name, String description, String selection) {
    }

    /** One row of {@code tests[]}. */
    public record TestRow(String test, String kind, String variant, long samples, long bad, double ratePerMillion,
                          String verdict) {
    }

    /** One row of {@code litmus[]}. */
    public record LitmusRow(String litmus, String test, String lkmm, String x86, long samples, long observed,
                            String grade) {
    }

    /** One row of {@code atomicity[]}. */
    public record PairRow(String pair, String test, boolean atomic, long samples, long lostUpdates,
                          double lostUpdatesPerMillion, String grade) {
    }

    /** The file's name as given on the command line: what the header and the error messages show. */
    public String fileLabel() {
        return file.toString();
    }

    /** "AMD EPYC, 2 CPUs, amd64, JDK 17 (...), budget default": one line that identifies the run. */
    public String describe() {
        return machine.label() + ", " + machine.jvm() + ", budget " + budgetName();
    }

    public String budgetName() {
        return budget == null || budget.name() == null ? "unknown" : budget.name().toLowerCase(Locale.ROOT);
    }
}
