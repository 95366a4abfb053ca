package dev.pageflags.stress.harness;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.pageflags.mm.Variant;
import dev.pageflags.stress.LitmusTest.Lkmm;
import dev.pageflags.stress.LitmusTest.Tso;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportWritersTest {
    private static final SuiteTest BROKEN = Fixtures.test("Race004_X.Broken", "004", Variant.BROKEN);
    private static final SuiteTest FIXED = Fixtures.test("Race004_X.Fixed", "004", Variant.FIXED);
    private static final SuiteTest OTHER = Fixtures.test("Race000_Y.Fixed", "000", Variant.FIXED);
    private static final SuiteTest SB = Fixtures.litmus("SB+poonceonces", Lkmm.SOMETIMES, Tso.ALLOWED, 2);
    private static final SuiteTest IRIW = Fixtures.litmus("IRIW+poonceonces", Lkmm.SOMETIMES, Tso.FORBIDDEN, 4);
    private static final SuiteTest PAIR = Fixtures.pair("SetBitPlainClearBit", false, false);
    private static final SuiteTest CALIBRATION = Fixtures.calibration();
    private static final LincheckVerdict LINCHECK = new LincheckVerdict("dev.pageflags.stress.Race004_X$Broken",
            "violation-found", 31, 300, false, "lincheck/x.txt", "lost PG_waiters");

    private static SuiteReport report() {
        return Fixtures.report(List.of(
                Grader.grade(BROKEN, Fixtures.run(BROKEN, 25, 999_975), true).withLincheck(LINCHECK),
                Grader.grade(FIXED, Fixtures.run(FIXED, 0, 1_000), true),
                Grader.error(OTHER, "needs 2 CPUs"),
                Grader.grade(SB, Fixtures.run(SB, 40, 1_000_000), true),
                Grader.notRun(IRIW, "needs 4 CPUs, not run"),
                Grader.grade(PAIR, Fixtures.run(PAIR, 2, 1_999_998), true),
                Grader.grade(CALIBRATION, Fixtures.calibrationRun(2_000_000, 2.0), true)
                        .withVms(2, 6.25)));
    }

    @Test
    void summaryJsonKeepsItsFieldsAndAddsTheLincheckBoundAndTheTables() {
        JsonObject root = JsonParser.parseString(SummaryJson.render(report())).getAsJsonObject();
        JsonArray tests = root.getAsJsonArray("tests");
        JsonObject broken = tests.get(0).getAsJsonObject();
        assertEquals("dev.pageflags.stress.Race004_X.Broken", broken.get("test").getAsString());
        assertEquals("004", broken.get("seed").getAsString());
        assertEquals("broken", broken.get("variant").getAsString());
        assertEquals(1_000_000L, broken.get("samples").getAsLong());
        assertEquals(25L, broken.get("bad").getAsLong());
        assertEquals("reproduced", broken.get("verdict").getAsString());
        assertEquals(25.0, broken.get("ratePerMillion").getAsDouble());
        assertEquals(100_000L, broken.get("samplesPerSecond").getAsLong());
        JsonObject lincheck = broken.getAsJsonObject("lincheck");
        assertEquals("violation-found", lincheck.get("verdict").getAsString());
        assertEquals(31, lincheck.get("invocations").getAsInt());
        assertEquals(300, lincheck.get("bound").getAsInt());
        assertEquals("held", tests.get(1).getAsJsonObject().get("verdict").getAsString());
        assertFalse(tests.get(1).getAsJsonObject().has("lincheck"));
        assertEquals("error", tests.get(2).getAsJsonObject().get("verdict").getAsString());
        assertTrue(tests.get(2).getAsJsonObject().get("samplesPerSecond").isJsonNull());

        JsonObject litmus = root.getAsJsonArray("litmus").get(0).getAsJsonObject();
        assertEquals("SB+poonceonces", litmus.get("litmus").getAsString());
        assertEquals("Sometimes", litmus.get("lkmm").getAsString());
        assertEquals("Allowed", litmus.get("x86").getAsString());
        assertEquals(40, litmus.get("observed").getAsLong());
        assertEquals("observed", litmus.get("grade").getAsString());
        JsonObject pair = root.getAsJsonArray("atomicity").get(0).getAsJsonObject();
        assertEquals("set_bit / __clear_bit", pair.get("pair").getAsString());
        assertFalse(pair.get("atomic").getAsBoolean());
        assertEquals(1.0, pair.get("lostUpdatesPerMillion").getAsDouble());

        JsonObject machine = root.getAsJsonObject("machine");
        assertEquals(2, machine.get("cpus").getAsInt());
        assertEquals("AMD EPYC", machine.get("cpuModel").getAsString());
        assertEquals("amd64", machine.get("osArch").getAsString());
        assertFalse(machine.get("vcpusShareCore").getAsBoolean());
        JsonObject budget = root.getAsJsonObject("budget");
        assertEquals("default", budget.get("name").getAsString());
        assertEquals(Budget.DEFAULT.jcstressArgs(25).size(), budget.getAsJsonArray("jcstressOptions").size());
        assertEquals("20261130T101500.000", root.get("runId").getAsString());

        // Added for the sampling rate, CPUs and time: 100,000/s against the calibration's 1,000,000/s.
        assertEquals(0.1, broken.get("rateVsCalibration").getAsDouble());
        assertTrue(broken.get("belowRateFloor").getAsBoolean());
        assertEquals(2, broken.get("actors").getAsInt());
        assertTrue(broken.get("cpus").isJsonNull(), "no CPU map in the fixture's run");
        assertTrue(broken.get("vmSeconds").isJsonNull(), "no fork seen");
        JsonObject calibration = tests.get(6).getAsJsonObject();
        assertEquals("measured", calibration.get("verdict").getAsString());
        assertEquals(6.25, calibration.get("vmSeconds").getAsDouble());
        assertEquals(2, calibration.get("cpus").getAsInt());
        assertEquals("[0,1]", calibration.get("cpuSlots").toString());
        assertFalse(calibration.get("actorsPinned").getAsBoolean());
        assertEquals(2, calibration.get("vmForks").getAsInt());
        JsonObject floor = root.getAsJsonObject("calibration");
        assertEquals(1_000_000L, floor.get("samplesPerSecond").getAsLong());
        assertEquals(0.25, floor.get("raceFloor").getAsDouble());
        assertEquals("dev.pageflags.stress.Race004_X.Broken", floor.getAsJsonArray("belowFloor").get(0).getAsString());
        assertEquals(2, floor.getAsJsonArray("belowFloor").size(), "the two race tests at 0.10x and 0.001x");
        assertEquals(42.5, root.getAsJsonArray("processes").get(0).getAsJsonObject().get("wallSeconds").getAsDouble());
        assertTrue(root.getAsJsonObject("notes").get("vmSeconds").getAsString().contains("measured by the runner"));
    }

    @Test
    void summaryMarkdownHasTheRaceLitmusAndAtomicityTables() {
        String md = SummaryMarkdown.render(report());
        assertTrue(md.contains("| Race004_X.Broken | 004 | broken | 1,000,000 | 25 | 25.000 | reproduced |"
                + " violation-found (31 of 300 interleavings) [trace](../lincheck/x.txt) |"), md);
        assertTrue(md.contains("| Race004_X.Fixed | 004 | fixed | 1,000 | 0 | 0.000 | held |  |"), md);
        assertTrue(md.contains("| Race000_Y.Fixed | 000 | fixed | 0 | 0 | - | **error** |  |"), md);
        assertTrue(md.contains("| `SB+poonceonces` | Sometimes | Allowed | 1,000,040 | 40 | observed |"), md);
        assertTrue(md.contains("| `IRIW+poonceonces` | Sometimes | Forbidden | 0 | 0 | not-run |"), md);
        assertTrue(md.contains("| `set_bit` / `__clear_bit` | no | 2,000,000 | 1.000 | observed |"), md);
        assertTrue(md.contains("1 of 7 tests need attention"), md);
        assertTrue(md.contains("; 2 race tests sample below 0.25x the calibration rate"), md);
        assertTrue(md.contains("Calibration: `TwoActorWrites`, 1,000,000 samples/s. **Below 0.25x of it:"
                + " Race004_X.Broken (0.10x), Race004_X.Fixed (0.000x).**"), md);
        assertTrue(md.contains("| Race004_X.Broken | races | 100,000 | **0.10x, below 0.25x** | 2 | - | - |"), md);
        assertTrue(md.contains("| TwoActorWrites | calibration | 1,000,000 | 1.00x | 2 | 2 (slots 0, 1) | 6.3 (2) |"),
                md);
        assertTrue(md.contains("| races | 7 | 42.5 | 1 | 0.0 |"), md);
        assertTrue(md.contains("| Threads per core | 1 (no two vCPUs share a core) |"), md);
    }

    @Test
    void reportsReplaceTheWholePreviousRun(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("results/stress");
        Files.createDirectories(results.resolve("old"));
        Files.writeString(results.resolve("old/stale.html"), "old");
        ReportFiles.clear(results);
        assertFalse(Files.exists(results.resolve("old")));
        ReportFiles.write(report(), results);
        assertTrue(Files.isRegularFile(results.resolve("summary.json")));
        assertTrue(Files.readString(results.resolve("litmus.md")).contains("`SB+poonceonces`"));
    }
}
