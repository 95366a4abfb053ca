package dev.pageflags.bench.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompareTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int compare(String... args) {
        return Compare.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static Path runDir(Path root, String name, double setBit, double lockOr) throws IOException {
        Path dir = Files.createDirectories(root.resolve(name));
        Files.writeString(dir.resolve(NativeFloor.FILE_NAME), Fixtures.floor(Map.of("lock_or",
                new double[] {lockOr, lockOr, lockOr})));
        return Files.writeString(dir.resolve("jmh.json"),
                Fixtures.jmh(Fixtures.entry("dev.pageflags.bench.FlagOpsBench.setBit", setBit, 0.5)));
    }

    @Test
    void putsTwoRunsSideBySideWithTheirRatiosAndTheFloor(@TempDir Path root) throws IOException {
        Path a = runDir(root, "jdk17", 10.0, 2.0);
        Path b = runDir(root, "jdk25", 5.0, 2.5);
        assertEquals(0, compare(a.toString(), b.toString(), "--labels", "JDK 17", "JDK 25"), err.toString());
        String md = out.toString(StandardCharsets.UTF_8);
        assertTrue(md.contains("# Comparison: JDK 17 vs JDK 25"), md);
        assertTrue(md.contains("| Ratio | Target | JDK 17 | JDK 25 |"), md);
        assertTrue(md.contains("| set_bit / lock or | \u2264 1.5x | 5.00x ± 0.25 (**missed: 3.33x the target**) | "
                + "2.00x ± 0.20 (**missed: 1.33x the target**) |"), md);
        assertTrue(md.contains("| `FlagOpsBench.setBit` | 10.0 ± 0.5 | 5.00 ± 0.50 | 0.50x ± 0.06 |"), md);
        assertTrue(md.contains("| `native:lock_or` | 2.00 ± 0.00 | 2.50 ± 0.00 | 1.25x ± 0.00 |"), md);
        assertTrue(md.contains("| lock_page+unlock_page / ReentrantLock, uncontended | \u2264 1.0x | n/a | n/a |"), md);
    }

    @Test
    void badInputIsExplainedWithExitStatus2(@TempDir Path root) throws IOException {
        Path a = runDir(root, "a", 10.0, 2.0);
        assertEquals(2, compare(a.toString()));
        assertTrue(err.toString().contains("expected two JMH result files, got 1"), err.toString());

        err.reset();
        assertEquals(2, compare(a.toString(), root.resolve("nope.json").toString()));
        assertTrue(err.toString().contains("nope.json: no such file"), err.toString());

        err.reset();
        Path broken = Files.writeString(root.resolve("broken.json"), "{}");
        assertEquals(2, compare(a.toString(), broken.toString()));
        assertTrue(err.toString().contains("is not a JMH JSON result file"), err.toString());

        err.reset();
        assertEquals(2, compare("--bogus", a.toString(), a.toString()));
        assertTrue(err.toString().contains("unknown option '--bogus'"), err.toString());
        assertTrue(err.toString().contains("usage:"), err.toString());
    }
}
