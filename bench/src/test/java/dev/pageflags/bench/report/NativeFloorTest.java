package dev.pageflags.bench.report;

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

    private static String twoOps() {
        Map<String, double[]> ops = new LinkedHashMap<>();
        ops.put("lock_or", new double[] {2.3, 2.4, 2.5});
        ops.put("plain_or", new double[] {0.32});
        return Fixtures.floor(ops);
    }

    @Test
    void meanAndTheSameConfidenceIntervalAsJmh() {
        NativeFloor floor = NativeFloor.parse(twoOps());
        Figure lockOr = floor.op("lock_or").orElseThrow().nsPerOp();
        assertEquals(2.4, lockOr.value(), 1e-12);
        // Student's t at 99.9% (two-sided) with 2 degrees of freedom is 31.599; sd 0.1, n 3.
        assertEquals(31.599 * 0.1 / Math.sqrt(3), lockOr.error(), 1e-3);
        assertFalse(floor.op("plain_or").orElseThrow().nsPerOp().hasError(), "one sample has no interval");
        assertEquals("gcc 12.2.0", floor.compiler());
        assertEquals("native:lock_or", floor.op("lock_or").orElseThrow().id());
    }

    @Test
    void eachPassIsOneSampleForTheIntervals() {
        NativeFloor floor = NativeFloor.parse(Fixtures.floor(3, Map.of("lock_or", new double[] {2, 2, 3, 3, 4, 4})));
        assertEquals(List.of(2.0, 3.0, 4.0), floor.op("lock_or").orElseThrow().passMeans());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> NativeFloor.parse(Fixtures.floor(4, Map.of("lock_or", new double[] {2, 2, 3, 3, 4, 4}))));
        assertTrue(e.getMessage().contains("do not split into 4 equal passes"), e.getMessage());
    }

    @Test
    void isFoundBesideTheJmhFileAndLookedUpByNativeIds(@TempDir Path dir) throws IOException {
        Path jmh = Files.writeString(dir.resolve("jmh.json"), Fixtures.jmh(Fixtures.entry("a.B.c", 1, 0.1)));
        assertTrue(ResultSet.load(jmh).figure("native:lock_or").isEmpty(), "no floor file yet");
        Files.writeString(dir.resolve(NativeFloor.FILE_NAME), twoOps());
        ResultSet run = ResultSet.load(jmh);
        assertEquals(2.4, run.figure("native:lock_or").orElseThrow().value(), 1e-12);
        assertEquals(List.of(2.4), run.forks("native:lock_or"), "one pass, one sample");
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
