package dev.pageflags.stress.harness;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/** The results table the run ends with on the console: which test, what it saw, how often. */
final class ConsoleSummary {
    private static final Logger LOG = LoggerFactory.getLogger(StressSuite.class);

    private ConsoleSummary() {
    }

    static void log(SuiteReport report) {
        SamplingRates rates = SamplingRates.of(report);
        int width = report.tests().stream().mapToInt(v -> v.test().shortName().length()).max().orElse(4);
        int variantWidth = report.tests().stream().mapToInt(v -> v.test().variantLabel().length())
                .max().orElse(0);
        String row = "%-" + width + "s  %-11s  %-" + Math.max("VARIANT".length(), variantWidth)
                + "s  %15s  %12s  %12s  %-12s  %s";
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, row, "TEST", "KIND/SEED", "VARIANT",
                "SAMPLES", "BAD", "PER MILLION", "X CALIB", "VERDICT"));
        for (TestVerdict v : report.tests()) {
            String seed = v.test().seed().isEmpty() ? v.test().kind().label() : v.test().seed();
            table.append('\n').append(String.format(Locale.ROOT, row, v.test().shortName(), seed,
                    v.test().variantLabel(), Formats.grouped(v.samples()), Formats.grouped(v.bad()),
                    Formats.rate(v), RateTable.consoleShare(v, rates), v.verdict().label()));
        }
        LOG.info("Stress suite results (budget {}, {} CPUs, {} {}):\n{}", report.budget().label(),
                report.machine().cpus(), report.machine().jvmVendor(), report.machine().jvmVersion(), table);
        String flag = RateTable.headline(report);
        if (!flag.isEmpty()) {
            LOG.warn("{} (summary.md, \"Sampling rate, CPUs and time\").", flag);
        }
    }
}
