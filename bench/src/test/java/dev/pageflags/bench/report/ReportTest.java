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

class ReportTest {

    @Test
    void regeneratesTheMarkdownAndTheChartFromAJmhFile(@TempDir Path dir) throws IOException {
        Path json = Files.writeString(dir.resolve("jmh.json"),
                Fixtures.jmh(Fixtures.entry("dev.pageflags.bench.FlagOpsBench.setBit", 9.0, 0.3)));
        Path out = dir.resolve("out");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        int status = Report.run(new String[] {json.toString(), "--out", out.toString()},
                new PrintStream(stdout, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, status);
        assertTrue(Files.readString(out.resolve(Report.MARKDOWN)).contains("FlagOpsBench"));
        assertTrue(Files.readString(out.resolve(Report.SVG)).startsWith("<?xml"));
        assertTrue(Files.readString(out.resolve(Report.RATIOS_JSON)).startsWith("{\n  \"ratios\": ["));
    }

    @Test
    void aMissingFileIsAUsageError(@TempDir Path dir) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Report.run(new String[] {dir.resolve("none.json").toString()}, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("none.json: no such file"));
    }
}
