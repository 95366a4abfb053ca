package dev.pageflags.bench.report;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NativeFloorTest {

    /** Three rounds: lock_or's round means 2.3, 2.4, 2.5; plain_or's all 0.32. */
    private static String twoOps() {
        Map<String, double[]> ops = new LinkedHashMap<>();
        ops.put("lock_or", new double[] {2.3, 2.4, 2.5});
        ops.put("plain_or", new double[] {0.32, 0.32, 0.32});
        return Fixtures.floor(ops);
    }

    @Test
    void theRoundMeansGiveTheFigureWithJmhsConfidenceInterval() {
        NativeFloor floor = NativeFloor.parse(twoOps());
        NativeFloor.Op lockOr = floor.op("lock_or").orElseThrow();
        assertEquals(2.4, lockOr.nsPerOp().value(), 1e-12);
        // Student's t at 99.9% (two-sided) with 2 degrees of freedom is 31.599; sd 0.1 over 3 rounds, not
        // over the 6 batches in rounds[] (whose spread within a round is another thing).
        assertEquals(31.599 * 0.1 / Math.sqrt(3), lockOr.nsPerOp().error(), 1e-3);
        assertEquals(List.of(2.3, 2.4, 2.5), lockOr.roundMeans(), "each round is one sample for the bootstrap");
        assertEquals("gcc 12.2.0", floor.compiler());
        assertEquals("native:lock_or", lockOr.id());
    }

    @Test
    void oneRoundHasNoInterval() {
        NativeFloor floor = NativeFloor.parse(Fixtures.floor(Map.of("lock_or", new double[] {2.0})));
        assertFalse(floor.op("lock_or").orElseThrow().nsPerOp().hasError());
    }

    @Test
    void roundMeansThatDoNotMatchTheRoundsAreRejected() {
        JsonObject doc = JsonParser.parseString(twoOps()).getAsJsonObject();
        doc.getAsJsonArray("rounds").remove(2);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> NativeFloor.parse(doc.toString()));
        assertTrue(e.getMessage().contains("lock_or has 3 round means for 2 rounds"), e.getMessage());
    }

    @Test
    void aFloorOfTheFirstFormatWithPooledBatchesIsRejected(@TempDir Path dir) throws IOException {
        JsonObject doc = JsonParser.parseString(twoOps()).getAsJsonObject();
        doc.remove("rounds");
        Path f = Files.writeString(dir.resolve(NativeFloor.FILE_NAME), doc.toString());
        IOException e = assertThrows(IOException.class, () -> NativeFloor.read(f));
        assertTrue(e.getMessage().contains("is not a native floor file: no \"rounds\""), e.getMessage());
    }

    @Test
    void isFoundBesideTheJmhFileAndLookedUpByNativeIds(@TempDir Path dir) throws IOException {
        Path jmh = Files.writeString(dir.resolve("jmh.json"), Fixtures.jmh(Fixtures.entry("a.B.c", 1, 0.1)));
        assertTrue(ResultSet.load(jmh).figure("native:lock_or").isEmpty(), "no floor file yet");
        Files.writeString(dir.resolve(NativeFloor.FILE_NAME), twoOps());
        ResultSet run = ResultSet.load(jmh);
        assertEquals(2.4, run.figure("native:lock_or").orElseThrow().value(), 1e-12);
        assertEquals(List.of(2.3, 2.4, 2.5), run.forks("native:lock_or"), "the rounds are the floor's forks");
        assertTrue(run.figure("native:mfence").isEmpty());
        assertEquals(1.0, run.figure("B.c").orElseThrow().value(), 1e-12);
    }

    @Test
    void aBrokenFloorFileGivesAClearError(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve(NativeFloor.FILE_NAME), "{\"compiler\": \"gcc\"}");
        IOException e = assertThrows(IOException.class, () -> NativeFloor.read(f));
        assertTrue(e.getMessage().contains("is not a native floor file"), e.getMessage());
    }
}
