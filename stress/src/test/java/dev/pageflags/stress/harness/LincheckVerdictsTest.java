package dev.pageflags.stress.harness;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LincheckVerdictsTest {
    static final String RUN = "20261130T101500.123";
    static final String FILE = """
            {"runId": "20261130T101500.123", "jvm": "17.0.12", "records": [
              {"test": "dev.pageflags.stress.Race004_X$Broken", "verdict": "violation-found", "invocations": 31,
               "bound": 300, "complete": false, "trace": "lincheck/Race004_X.Broken.txt", "note": "lost PG_waiters"},
              {"test": "dev.pageflags.stress.Race004_X$Fixed", "verdict": "no-violation-in-bound",
               "invocations": 200, "bound": 200, "complete": false, "trace": null, "note": "bound reached"}
            ]}
            """;

    @Test
    void recordsJoinTheirJCStressTestByName() {
        LincheckVerdicts v = LincheckVerdicts.parse(FILE, RUN);
        LincheckVerdict broken = v.forTest("dev.pageflags.stress.Race004_X.Broken");
        assertEquals("violation-found", broken.verdict());
        assertEquals(31, broken.invocations());
        assertEquals(300, broken.bound());
        assertFalse(broken.complete());
        assertEquals("lincheck/Race004_X.Broken.txt", broken.trace());
        assertNull(v.forTest("dev.pageflags.stress.Race004_X.Other"));
        assertNull(v.forTest("Race004_X.Fixed"), "no suffix matching: a record names its class in full");
    }

    @Test
    void aMissingFileIsAnErrorNamingIt(@TempDir Path dir) {
        Path file = dir.resolve("verdicts.json");
        IOException e = assertThrows(IOException.class, () -> LincheckVerdicts.read(file, RUN));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void aStaleFileIsAnError(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("verdicts.json"), FILE);
        IOException e = assertThrows(IOException.class, () -> LincheckVerdicts.read(file, "20261201T000000.000"));
        assertTrue(e.getMessage().contains("stale"), e.getMessage());
        assertEquals(2, LincheckVerdicts.read(file, RUN).size());
    }

    @Test
    void aMalformedFileIsAnError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("verdicts.json");
        for (String bad : new String[] {
                "{\"runId\": \"" + RUN + "\", \"records\": [{\"verdict\": \"failed\"}]}",
                "{\"runId\": \"" + RUN + "\", \"verdicts\": []}",
                "{\"runId\": \"" + RUN + "\", \"records\": [{\"test\": \"A\", \"verdict\": \"maybe\","
                        + " \"invocations\": 1, \"bound\": 1, \"complete\": true}]}",
                "{\"runId\": \"" + RUN + "\", \"records\": [{\"test\": \"A\", \"verdict\": \"failed\"}]}",
                "{\"runId\": \"" + RUN + "\", \"records\": [{\"test\": \"A\", \"verdict\": \"failed\","
                        + " \"invocations\": \"many\", \"bound\": 1, \"complete\": true}]}",
                "not json {"}) {
            Files.writeString(file, bad);
            IOException e = assertThrows(IOException.class, () -> LincheckVerdicts.read(file, RUN), bad);
            assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        }
    }
}
