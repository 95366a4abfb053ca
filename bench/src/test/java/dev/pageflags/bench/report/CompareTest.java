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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The N-way comparison on the first reference run, kept as a fixture (2 forks, JDK 17, with its floor and
 * machine.md; see {@link Fixtures#referenceDir}) and synthetic runs made from it with five forks.
 */
class CompareTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int compare(String... args) {
        return Compare.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** A five-fork run made from the reference, every figure scaled, on a JDK of the given version. */
    private static Path synthetic(Path root, String name, double factor, String jdk) throws IOException {
        String json = Fixtures.reshapedReference(factor, 5).replace("\"jdkVersion\":\"17.0.15\"", "\"jdkVersion\":\"" + jdk + "\"");
        return Fixtures.runDir(root, name, json, "Intel Xeon");
    }

    @Test
    void threeRunsGiveOneTablePerBenchmarkAndPerRatio(@TempDir Path root) throws IOException {
        Path reference = Fixtures.referenceDir(root);
        Path b = synthetic(root, "jdk25", 1.1, "25.0.1");
        Path c = synthetic(root, "jdk21", 0.9, "21.0.5").resolve("jmh.json");
        assertEquals(0, compare(reference.toString(), b.toString(), c.toString()), err());
        String md = out();
        assertTrue(md.startsWith("# Benchmarks compared across 3 runs"), md);
        assertTrue(md.contains("| 1 | AMD EPYC, 2 CPUs | OpenJDK 64-Bit Server VM 17.0.15+6-Debian-1deb12u1 |"), md);
        assertTrue(md.contains("| 2 | Intel Xeon, 2 CPUs |"), md);
        String table = section(md, "### `PageLockBench.lockPageUnlockPage`");
        assertTrue(table.contains("| 1: AMD EPYC, 2 CPUs, JDK 17.0.15 | 6.3 ± 0.7 | 2 forks: "), table);
        assertTrue(table.contains("| 1x (reference) |"), table);
        assertTrue(table.contains("| 2: Intel Xeon, 2 CPUs, JDK 25.0.1 |"), table);
        // The synthetic runs repeat the reference's two forks unevenly, so their means are not exactly 1.1x and 0.9x.
        assertTrue(table.contains("| 5 forks: 6.5 to 7.3 | 1.09x, no interval |"),
                "run 1 has 2 forks: no interval against it: " + table);
        assertTrue(table.contains("| 3: Intel Xeon, 2 CPUs, JDK 21.0.5 | 5.7 ± 0.7 | 5 forks: 5.3 to 6.0 | 0.892x, no interval |"),
                table);
        String ratio = section(md, "### set_bit / lock or (≤ 1.5x)");
        assertTrue(ratio.contains("| 1: AMD EPYC, 2 CPUs, JDK 17.0.15 | 1.33x, no interval | no-interval"), ratio);
        assertTrue(ratio.contains("| 2: Intel Xeon, 2 CPUs, JDK 25.0.1 | not run: no `native:lock_or` | not run |"),
                "the synthetic runs have no floor: " + ratio);
        assertTrue(md.contains("### `native:lock_or`"), md);
    }

    @Test
    void fiveForkRunsGetIntervalsAgainstRunOne(@TempDir Path root) throws IOException {
        Path a = synthetic(root, "a", 1.0, "17.0.15");
        Path b = synthetic(root, "b", 1.2, "25.0.1");
        Path outDir = root.resolve("compared");
        assertEquals(0, compare("--out", outDir.toString(), a.toString(), b.toString()), err());
        assertTrue(out().contains("compared 2 runs into"), out());
        String md = Files.readString(outDir.resolve(Compare.MARKDOWN));
        String table = section(md, "### `FlagOpsBench.setBit`");
        assertTrue(table.matches("(?s).*\\| 1\\.20x \\[1\\.[01]\\d*, 1\\.[23]\\d*] \\|.*"), table);
        String ratio = section(md, "### lock_page+unlock_page / ReentrantLock, uncontended (≤ 1.0x)");
        assertTrue(ratio.contains("x [") && !ratio.contains("no-interval"), ratio);
    }

    @Test
    void oneRunIsNotAComparison(@TempDir Path root) throws IOException {
        Path reference = Fixtures.referenceDir(root);
        assertEquals(2, compare(reference.toString()));
        assertTrue(err().contains("needs at least two runs to compare, got 1"), err());
        assertTrue(err().contains("usage:"), err());
        assertEquals("", out());
    }

    @Test
    void aFileThatIsNotJmhJsonIsNamed(@TempDir Path root) throws IOException {
        Path reference = Fixtures.referenceDir(root);
        Path summary = Files.writeString(root.resolve("summary.json"), "{\"tests\": []}");
        assertEquals(2, compare(reference.toString(), summary.toString()));
        assertTrue(err().contains(summary + " is not a JMH JSON result file"), err());
        err.reset();
        Path empty = Files.writeString(root.resolve("empty.json"), "[]");
        assertEquals(2, compare(reference.toString(), empty.toString()));
        assertTrue(err().contains("holds no benchmark results"), err());
    }

    @Test
    void missingInputsAreNamed(@TempDir Path root) throws IOException {
        Path reference = Fixtures.referenceDir(root);
        assertEquals(2, compare(reference.toString(), root.resolve("nope").toString()));
        assertTrue(err().contains("nope: no such file or directory"), err());
        err.reset();
        Path emptyDir = Files.createDirectories(root.resolve("emptydir"));
        assertEquals(2, compare(reference.toString(), emptyDir.toString()));
        assertTrue(err().contains("emptydir: a directory without jmh.json"), err());
    }

    @Test
    void disjointBenchmarkSetsAreRefused(@TempDir Path root) throws IOException {
        Path reference = Fixtures.referenceDir(root);
        Path other = Fixtures.runDir(root, "other", Fixtures.jmh(Fixtures.entry("x.OtherBench.thing", 1.0, 0.1)), null);
        assertEquals(2, compare(reference.toString(), other.toString()));
        assertTrue(err().contains("run 2 (" + other.resolve("jmh.json") + ") shares no benchmark with run 1"), err());
        assertEquals("", out());
    }

    @Test
    void aRunWithoutMachineMdSaysSoAndOptionsAreChecked(@TempDir Path root) throws IOException {
        Path reference = Fixtures.referenceDir(root);
        Path bare = Fixtures.runDir(root, "bare", Fixtures.reshapedReference(1.0, 5), null);
        assertEquals(0, compare(reference.toString(), bare.toString()), err());
        assertTrue(out().contains("| 2: machine unknown (no machine.md), JDK 17.0.15 |"), out());
        err.reset();
        assertEquals(2, compare("--bogus", reference.toString(), bare.toString()));
        assertTrue(err().contains("unknown option '--bogus'"), err());
        err.reset();
        assertEquals(2, compare(reference.toString(), bare.toString(), "--out"));
        assertTrue(err().contains("--out needs a directory"), err());
        assertFalse(Files.exists(root.resolve(Compare.MARKDOWN)));
    }

    /** From a heading to the next heading. */
    private static String section(String md, String heading) {
        int start = md.indexOf(heading + "\n");
        assertTrue(start >= 0, "no " + heading + " in\n" + md);
        int end = md.indexOf("\n#", start + heading.length());
        return md.substring(start, end < 0 ? md.length() : end);
    }
}
