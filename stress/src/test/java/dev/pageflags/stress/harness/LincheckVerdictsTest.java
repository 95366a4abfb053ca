package dev.pageflags.stress.harness;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LincheckVerdictsTest {
    private static final String FILE = """
            {"verdicts": [
              {"test": "dev.pageflags.stress.Race004_X.Broken", "verdict": "violation-found", "invocations": 1200,
               "complete": true, "trace": "lincheck/Race004_X.Broken.txt", "note": "lost PG_waiters"},
              {"test": "Race000_Y$Fixed", "verdict": "no-violation", "invocations": 50000, "complete": false,
               "trace": null, "note": null}
            ]}
            """;

    @Test
    void matchesByFullNameOrSuffixWithDollarOrDot() {
        LincheckVerdicts v = LincheckVerdicts.parse(FILE);
        LincheckVerdict broken = v.forTest("dev.pageflags.stress.Race004_X.Broken");
        assertEquals("violation-found", broken.verdict());
        assertEquals(1200L, broken.invocations());
        assertEquals(Boolean.TRUE, broken.complete());
        assertEquals("lincheck/Race004_X.Broken.txt", broken.trace());
        LincheckVerdict fixed = v.forTest("dev.pageflags.stress.Race000_Y.Fixed");
        assertEquals("no-violation", fixed.verdict());
        assertNull(fixed.trace());
        assertNull(v.forTest("dev.pageflags.stress.Race004_X.Fixed"));
    }

    @Test
    void noFileMeansNoVerdicts(@TempDir Path dir) throws IOException {
        assertEquals(0, LincheckVerdicts.read(dir.resolve("verdicts.json")).size());
    }

    @Test
    void aMalformedFileIsAnError(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("verdicts.json"), "{\"verdicts\": [{\"verdict\": \"x\"}]}");
        assertThrows(IOException.class, () -> LincheckVerdicts.read(file));
        Files.writeString(file, "{\"tests\": []}");
        assertThrows(IOException.class, () -> LincheckVerdicts.read(file));
        Files.writeString(file, "{\"verdicts\": [{\"test\": \"A\", \"complete\": \"yes\"}]}");
        assertThrows(IOException.class, () -> LincheckVerdicts.read(file));
    }
}
