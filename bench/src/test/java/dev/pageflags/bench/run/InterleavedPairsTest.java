package dev.pageflags.bench.run;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InterleavedPairsTest {
    @Test
    void eachBenchmarkRunsOncePerPassInTheOrderFirstNamed() throws Exception {
        InterleavedPairs.Request r = InterleavedPairs.parse("--passes", "4",
                "FlagOpsBench.clearBit/FlagOpsBench.setBit", "FlagOpsBench.clearBit/JvmFloorBench.getAndBitwiseAnd");
        assertEquals(4, r.passes());
        assertEquals(List.of("FlagOpsBench.clearBit", "FlagOpsBench.setBit", "JvmFloorBench.getAndBitwiseAnd"),
                r.benchmarks());
    }

    @Test
    void badInputIsRefusedWithExitTwo() {
        for (String[] args : List.of(new String[] {}, new String[] {"--passes", "0", "A.b/C.d"},
                new String[] {"--passes", "2", "A.b/C.d"}, new String[] {"--passes", "x", "A.b/C.d"},
                new String[] {"A.b"}, new String[] {"A.b/A.b"}, new String[] {"A.b/C.d/E.f"},
                new String[] {"--frobs", "A.b/C.d"}, new String[] {"A.b/C.d", "--out"},
                new String[] {"FlagOpsBench.nope/FlagOpsBench.setBit"})) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = InterleavedPairs.run(args, new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(2, exit, String.join(" ", args));
            assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("interleaved-pairs: "), err.toString());
        }
    }

    @Test
    void ratiosArePairedByPassNotPooled() throws Exception {
        InterleavedPairs.Request r = InterleavedPairs.parse("--passes", "3", "FlagOpsBench.clearBit/FlagOpsBench.setBit");
        Map<String, List<Double>> scores = new LinkedHashMap<>();
        scores.put("FlagOpsBench.clearBit", List.of(2.0, 3.0, 4.5));
        scores.put("FlagOpsBench.setBit", List.of(4.0, 2.0, 3.0));
        String md = InterleavedMarkdown.render(r, scores, "-f 1 -i 5");
        // per pass 0.5, 1.5, 1.5: pooled means would give 3.167 / 3.0 = 1.056 instead
        assertTrue(md.contains("| `FlagOpsBench.clearBit / FlagOpsBench.setBit` | 1.500 | 1 of 3 | 0.500 | 1.500 | 0.500, 1.500, 1.500 |"), md);
    }

    @Test
    void anEvenNumberOfPassesTakesTheMiddleTwo() {
        assertEquals(1.25, InterleavedMarkdown.median(List.of(1.0, 1.2, 1.3, 2.0)), 1e-12);
    }
}
