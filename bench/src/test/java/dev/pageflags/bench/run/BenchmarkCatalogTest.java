package dev.pageflags.bench.run;

import dev.pageflags.bench.report.AtomicPair;
import dev.pageflags.bench.report.AtomicPairs;
import dev.pageflags.bench.report.Catalog;
import dev.pageflags.bench.report.RatioSpec;
import dev.pageflags.bench.report.Ratios;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report refers to benchmarks by name; these checks keep those names and the benchmarks that
 * the annotation processor generated in step, so a rename cannot silently empty a ratio.
 */
class BenchmarkCatalogTest {

    /** Short benchmark id (Class.method) to its @Param values. */
    private static Map<String, Map<String, String[]>> benchmarks() throws IOException {
        try (InputStream in = BenchmarkCatalogTest.class.getResourceAsStream("/META-INF/BenchmarkList")) {
            assertNotNull(in, "no generated BenchmarkList: the JMH annotation processor did not run");
            Map<String, Map<String, String[]>> ids = new HashMap<>();
            for (BenchmarkListEntry e : BenchmarkList.readBenchmarkList(in)) {
                String[] parts = e.getUsername().split("\\.");
                String id = parts[parts.length - 2] + "." + parts[parts.length - 1];
                ids.put(id, e.getParams().hasValue() ? e.getParams().get() : Map.of());
            }
            return ids;
        }
    }

    @Test
    void everyBenchmarkIsDescribed() throws IOException {
        for (String id : benchmarks().keySet()) {
            assertTrue(!Catalog.describe(id).isEmpty(), id + " has no description in Catalog");
        }
    }

    @Test
    void everyRatioNamesAnExistingBenchmarkOrFloorInstruction() throws IOException {
        Map<String, Map<String, String[]>> benchmarks = benchmarks();
        Set<String> floorOps = floorOps();
        for (RatioSpec r : Ratios.all()) {
            for (String id : List.of(r.numerator(), r.denominator())) {
                if (id.startsWith("native:")) {
                    assertTrue(floorOps.contains(id.substring("native:".length())), r.label() + ": " + id);
                    continue;
                }
                String[] idAndParams = id.split(":", 2);
                Map<String, String[]> params = benchmarks.get(idAndParams[0]);
                assertNotNull(params, r.label() + ": no benchmark " + idAndParams[0]);
                if (idAndParams.length == 2) {
                    for (String kv : idAndParams[1].split(",")) {
                        String[] p = kv.split("=", 2);
                        assertTrue(params.containsKey(p[0]) && Arrays.asList(params.get(p[0])).contains(p[1]),
                                r.label() + ": " + idAndParams[0] + " has no @Param " + kv);
                    }
                }
            }
        }
    }

    /**
     * The atomic vs non-atomic table may name benchmark classes not yet written (its rows then read
     * "not run"), but a class that exists must have the method named: a renamed method would
     * otherwise empty a row without a word.
     */
    @Test
    void everyAtomicPairNamesAMethodOfItsClassWhereTheClassExists() throws IOException {
        Set<String> ids = benchmarks().keySet();
        Set<String> classes = new HashSet<>();
        ids.forEach(id -> classes.add(id.substring(0, id.indexOf('.'))));
        for (AtomicPair pair : AtomicPairs.all()) {
            for (AtomicPair.Ids measure : List.of(pair.latency(), pair.throughput(), pair.lostUpdates())) {
                for (String id : List.of(measure.atomic(), measure.nonAtomic())) {
                    if (classes.contains(id.substring(0, id.indexOf('.')))) {
                        assertTrue(ids.contains(id), pair.name() + ": no benchmark " + id);
                    }
                }
            }
        }
        assertTrue(ids.contains(AtomicPairs.all().get(0).latency().atomic()), "the latency rows name FlagOpsBench");
    }

    /** The names floor.c gives its operations: {"name", "instruction", fn}. */
    private static Set<String> floorOps() throws IOException {
        try (InputStream in = BenchmarkCatalogTest.class.getResourceAsStream("/native/floor.c")) {
            assertNotNull(in, "native/floor.c is not packed as a resource");
            String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Set<String> names = new HashSet<>();
            var m = java.util.regex.Pattern.compile("\\{\"(\\w+)\", \"[^\"]*\", \\w+\\}").matcher(source);
            while (m.find()) {
                names.add(m.group(1));
            }
            assertTrue(names.contains("lock_or"), "could not read the floor's op table");
            return names;
        }
    }
}
