package dev.pageflags.stress.harness;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * summary.md's "Sampling rate, CPUs and time" section: every test's samples per second against the
 * calibration test's, flagging the race tests below the floor; the CPUs JCStress reserved for its VMs;
 * the VMs' time; each JCStress process's wall time and how many test VMs it ran at once; and where the
 * decomposed race samples' time goes ({@link SampleCostTable}).
 */
final class RateTable {
    private RateTable() {
    }

    static String section(SuiteReport report) {
        SamplingRates rates = SamplingRates.of(report);
        StringBuilder md = new StringBuilder("\n## Sampling rate, CPUs and time\n\n");
        md.append(calibrationLine(report, rates)).append("\n\n");
        md.append("| Test | Kind | Samples/s | x calibration | Actors | CPUs | VM seconds (forks) |\n");
        md.append("|---|---|---:|---:|---:|---|---:|\n");
        for (TestVerdict v : report.tests()) {
            TestResources r = v.resources();
            md.append("| ").append(v.test().shortName())
                    .append(" | ").append(v.test().kind().label())
                    .append(" | ").append(v.samplesPerSecond() < 0 ? "-" : Formats.grouped(Math.round(v.samplesPerSecond())))
                    .append(" | ").append(shareCell(v, rates))
                    .append(" | ").append(v.test().actors())
                    .append(" | ").append(cpusCell(r))
                    .append(" | ").append(r.vmTimeMeasured()
                            ? String.format(Locale.ROOT, "%.1f (%d)", r.vmSeconds(), r.forks()) : "-")
                    .append(" |\n");
        }
        md.append('\n').append(processes(report));
        md.append("\nx calibration: the test's samples per second over the calibration test's, which runs in the"
                + " races' JCStress process with their options (litmus and atomicity tests run in another process,"
                + " with their kind's). No figure for a Termination-mode test: its sample is a thread run to its"
                + " end. CPUs: how many JCStress's scheduler reserved for one of the test's VMs, and the slots"
                + " (its own numbering of the CPUs) its VMs had; it packs tests so that reservations never"
                + " overlap; \"actors pinned\" when it also bound each actor to one. VM seconds: the test's forked VMs (start-up, sampling, exit), their"
                + " lifetimes summed, as the runner timed the processes; JCStress keeps no time per test.\n");
        md.append(SampleCostTable.section(report, rates));
        return md.toString();
    }

    /** The flag for the verdict line, or empty: "2 race tests sample below 0.25x the calibration rate". */
    static String headline(SuiteReport report) {
        SamplingRates rates = SamplingRates.of(report);
        int below = rates.belowFloor(report).size();
        if (below > 0) {
            return below + " race test" + (below == 1 ? " samples" : "s sample") + " below "
                    + SamplingRates.shareText(SamplingRates.RACE_FLOOR) + " the calibration rate";
        }
        if (rates.problem() != null && !report.ofKind(TestKind.RACES).isEmpty()) {
            return "no calibration rate to read the race rates against";
        }
        return "";
    }

    private static String calibrationLine(SuiteReport report, SamplingRates rates) {
        if (rates.problem() != null) {
            return "**No calibration rate: " + rates.problem() + ".**";
        }
        TestVerdict c = rates.calibration().orElseThrow();
        String line = "Calibration: `" + c.test().shortName() + "`, " + Formats.grouped(Math.round(
                rates.calibrationRate().getAsDouble())) + " samples/s. ";
        List<TestVerdict> below = rates.belowFloor(report);
        if (below.isEmpty()) {
            return line + "No race test samples below " + SamplingRates.shareText(SamplingRates.RACE_FLOOR) + " of it.";
        }
        return line + "**Below " + SamplingRates.shareText(SamplingRates.RACE_FLOOR) + " of it: "
                + below.stream().map(v -> v.test().shortName() + " (" + rates.shareCell(v) + ")")
                .collect(Collectors.joining(", ")) + ".**";
    }

    private static String shareCell(TestVerdict v, SamplingRates rates) {
        String cell = rates.shareCell(v);
        return rates.belowFloor(v) ? "**" + cell + ", below " + SamplingRates.shareText(SamplingRates.RACE_FLOOR)
                + "**" : cell;
    }

    private static String cpusCell(TestResources r) {
        if (!r.cpusKnown()) {
            return "-";
        }
        return r.cpus() + " (slots " + r.cpuSlots().stream().map(String::valueOf).collect(Collectors.joining(", "))
                + (r.actorsPinned() ? "; actors pinned)" : ")");
    }

    private static String processes(SuiteReport report) {
        if (report.processes().isEmpty()) {
            return "No JCStress process ran.\n";
        }
        StringBuilder md = new StringBuilder("| JCStress process | Tests | Wall seconds | Test VMs at once (most)"
                + " | VM seconds not tied to a test |\n|---|---:|---:|---:|---:|\n");
        for (ProcessRun p : report.processes()) {
            md.append("| ").append(p.label()).append(" | ").append(p.tests())
                    .append(" | ").append(String.format(Locale.ROOT, "%.1f", p.wallSeconds()))
                    .append(" | ").append(p.maxConcurrentForks())
                    .append(" | ").append(String.format(Locale.ROOT, "%.1f", p.unattributedVmSeconds()))
                    .append(" |\n");
        }
        return md.toString();
    }

    /** The share of one test for the console: "0.31x" or "-". */
    static String consoleShare(TestVerdict v, SamplingRates rates) {
        OptionalDouble share = rates.share(v);
        return share.isPresent() ? SamplingRates.shareText(share.getAsDouble()) + (rates.belowFloor(v) ? " LOW" : "")
                : "-";
    }
}
