package dev.pageflags.bench.run;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.pageflags.bench.report.Figure;
import dev.pageflags.bench.report.NativeFloor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.runner.BenchmarkException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NativeFloorRunnerTest {

    /** One round as floor.c prints it, two batches per instruction. */
    private static NativeFloorRunner.Round round(int number, String before, double lockOr, double mfence) {
        JsonObject out = JsonParser.parseString("{\"tool\": \"pageflags native floor\", \"compiler\": \"gcc 12\","
                + " \"loop\": \"indexed\", \"batches\": 2, \"batchMs\": 20, \"ops\": ["
                + "{\"name\": \"lock_or\", \"instruction\": \"lock or\", \"nsPerOp\": [" + (lockOr - 0.1) + ", "
                + (lockOr + 0.1) + "]},"
                + "{\"name\": \"mfence\", \"instruction\": \"mfence\", \"nsPerOp\": [" + mfence + ", " + mfence + "]}]}")
                .getAsJsonObject();
        return new NativeFloorRunner.Round(number, before, Instant.parse("2025-01-01T00:00:0" + number + "Z"), out);
    }

    @Test
    void keepsEveryRoundAndSummarisesEachByItsMean(@TempDir Path dir) throws IOException {
        JsonObject doc = NativeFloorRunner.document(List.of(round(1, "FlagOpsBench", 2.0, 19.0),
                round(2, "FenceBench", 3.0, 21.0), round(3, "the end of the run", 4.0, 20.0)));
        JsonArray rounds = doc.getAsJsonArray("rounds");
        assertEquals(3, rounds.size());
        JsonObject second = rounds.get(1).getAsJsonObject();
        assertEquals("FenceBench", second.get("before").getAsString());
        assertEquals("2025-01-01T00:00:02Z", second.get("startedAt").getAsString());
        assertEquals("[2.9,3.1]", second.getAsJsonArray("ops").get(0).getAsJsonObject().get("nsPerOp").toString(),
                "every batch of every round is kept");
        JsonObject lockOr = doc.getAsJsonArray("ops").get(0).getAsJsonObject();
        assertEquals("[2.0,3.0,4.0]", lockOr.get("nsPerOp").toString(), "one mean per round, not the pooled batches");

        // The report's reader sees the spread between rounds: mean 3, sd 1 over 3 rounds.
        Path file = Files.writeString(dir.resolve(NativeFloor.FILE_NAME), doc.toString());
        NativeFloor.Op op = NativeFloor.read(file).op("lock_or").orElseThrow();
        Figure f = op.nsPerOp();
        assertEquals(3.0, f.value(), 1e-9);
        assertEquals(31.599 / Math.sqrt(3), f.error(), 1e-2);
        assertEquals(List.of(2.0, 3.0, 4.0), op.roundMeans(), "the bootstrap resamples what the runner wrote, by round");
    }

    @Test
    void aRoundGoesBeforeEachBenchmarkClassAndAfterTheLast() {
        List<String> rounds = new ArrayList<>();
        FloorBetweenGroups format = new FloorBetweenGroups(silentConsole(), rounds::add);
        format.beforeBenchmark("dev.pageflags.bench.FlagOpsBench.setBit");
        format.beforeBenchmark("dev.pageflags.bench.FlagOpsBench.clearBit");
        format.beforeBenchmark("dev.pageflags.bench.FenceBench.smpMb");
        format.endRun(List.of());
        assertEquals(List.of("FlagOpsBench", "FenceBench", "the end of the run"), rounds);
    }

    @Test
    void aFailingRoundStopsTheRunAsABenchmarkError() {
        FloorBetweenGroups format = new FloorBetweenGroups(silentConsole(), before -> {
            throw new IOException("the native floor failed (exit 2)");
        });
        BenchmarkException e = assertThrows(BenchmarkException.class,
                () -> format.beforeBenchmark("dev.pageflags.bench.FlagOpsBench.setBit"));
        assertTrue(e.getMessage().contains("round before FlagOpsBench: the native floor failed"), e.getMessage());
    }

    private static org.openjdk.jmh.runner.format.OutputFormat silentConsole() {
        return OutputFormatFactory.createFormatInstance(
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), VerboseMode.SILENT);
    }
}
