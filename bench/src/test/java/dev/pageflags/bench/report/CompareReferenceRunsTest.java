package dev.pageflags.bench.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The N-way comparison on the two committed reference runs of this machine, JDK 17 and JDK 25, as
 * the README tells a user to run it: both runs are read, and every target gets an interval and a
 * verdict on each JDK (five forks a side), never a "no-interval" or "not run" row.
 */
class CompareReferenceRunsTest {
    private static final Path JDK17 = Path.of("..", "results", "reference", "bench");
    private static final Path JDK25 = Path.of("..", "results", "reference", "bench-jdk25");

    @Test
    void theCommittedJdk17AndJdk25RunsCompareWithAVerdictPerTargetAndJdk(@TempDir Path out) throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Compare.run(new String[] {"--out", out.toString(), JDK17.toString(), JDK25.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        String md = Files.readString(out.resolve(Compare.MARKDOWN));
        assertTrue(md.startsWith("# Benchmarks compared across 2 runs"), md);
        for (RatioSpec target : Ratios.all().stream().filter(r -> r.target() != null).toList()) {
            String section = section(md, "### " + target.label() + " (");
            for (String jdk : new String[] {"JDK 17", "JDK 25"}) {
                String row = section.lines().filter(l -> l.contains(jdk)).findFirst()
                        .orElseThrow(() -> new AssertionError(target.label() + ": no " + jdk + " row in " + section));
                assertTrue(row.matches(".*\\| (met|\\*\\*missed\\*\\*|inconclusive).*"),
                        target.label() + " on " + jdk + " has no verdict from an interval: " + row);
            }
        }
    }

    private static String section(String md, String heading) {
        int start = md.indexOf(heading);
        assertTrue(start >= 0, "no section " + heading);
        int end = md.indexOf("\n### ", start + 1);
        return md.substring(start, end < 0 ? md.length() : end);
    }
}
