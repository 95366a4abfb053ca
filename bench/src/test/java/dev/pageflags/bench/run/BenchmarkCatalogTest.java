package dev.pageflags.bench.run;

import dev.pageflags.bench.report.AtomicPair;
import dev.pageflags.bench.report.AtomicPairs;
import dev.pageflags.bench.report.Catalog;
import dev.pageflags.bench.report.RatioSpec;
import dev.pageflags.bench.report.Ratios;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report refers to benchmarks by name; these checks keep those names and the benchmarks that
 * the annotation processor generated in step, so a rename cannot silently empty a ratio.
 */
class BenchmarkCatalogTest {

    /** Short benchmark id (Class.method, a group's name for a group) to JMH's entry for it. */
    private static Map<String, BenchmarkListEntry> entries() throws IOException {
        try (InputStream in = BenchmarkCatalogTest.class.getResourceAsStream("/META-INF/BenchmarkList")) {
            assertNotNull(in, "no generated BenchmarkList: the JMH annotation processor did not run");
            Map<String, BenchmarkListEntry> ids = new HashMap<>();
            for (BenchmarkListEntry e : BenchmarkList.readBenchmarkList(in)) {
                String[] parts = e.getUsername().split("\\.");
                ids.put(parts[parts.length - 2] + "." + parts[parts.length - 1], e);
            }
            return ids;
        }
    }

    /** Short benchmark id to its @Param values. */
    private static Map<String, Map<String, String[]>> benchmarks() throws IOException {
        Map<String, Map<String, String[]>> ids = new HashMap<>();
        entries().forEach((id, e) -> ids.put(id, e.getParams().hasValue() ? e.getParams().get() : Map.of()));
        return ids;
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
     * Every id of the atomic vs non-atomic table names a benchmark that exists, class and method (a
     * missing one would leave its row "not run" without a word), and every lost-updates measure's
     * benchmarks keep both counters the table divides.
     */
    @Test
    void everyAtomicPairNamesExistingBenchmarksAndCounters() throws IOException, ClassNotFoundException {
        Map<String, BenchmarkListEntry> entries = entries();
        for (AtomicPair pair : AtomicPairs.all()) {
            assertFalse(pair.measures().isEmpty(), pair.name() + " measures nothing");
            for (AtomicPair.Measure measure : pair.measures()) {
                for (String id : measure.ids()) {
                    BenchmarkListEntry entry = entries.get(id);
                    assertNotNull(entry, pair.name() + ", " + measure.kind() + ": no benchmark " + id);
                    if (measure.kind() == AtomicPair.Kind.LOST_UPDATES) {
                        Set<String> counters = auxCounters(entry);
                        for (String counter : List.of(AtomicPair.LOST, AtomicPair.OPS)) {
                            assertTrue(counters.contains(counter), pair.name() + ": " + id + " counts no '"
                                    + counter + "' (its @AuxCounters: " + counters + ")");
                        }
                    }
                }
            }
        }
    }

    /**
     * The {@code @AuxCounters} a benchmark reports, as JMH names them: the public fields and the public
     * no-argument methods of each {@code @AuxCounters} state its method (or each method of its group) takes.
     */
    private static Set<String> auxCounters(BenchmarkListEntry entry) throws ClassNotFoundException {
        Set<String> names = new TreeSet<>();
        String benchmark = entry.getUsername().substring(entry.getUsername().lastIndexOf('.') + 1);
        for (Method m : Class.forName(entry.getUserClassQName()).getMethods()) {
            Group group = m.getAnnotation(Group.class);
            String name = group == null ? m.getName() : group.value();
            if (!m.isAnnotationPresent(Benchmark.class) || !name.equals(benchmark)) {
                continue;
            }
            for (Class<?> state : m.getParameterTypes()) {
                if (!state.isAnnotationPresent(AuxCounters.class)) {
                    continue;
                }
                for (Field f : state.getFields()) {
                    if (!Modifier.isStatic(f.getModifiers())) {
                        names.add(f.getName());
                    }
                }
                for (Method c : state.getDeclaredMethods()) {
                    if (Modifier.isPublic(c.getModifiers()) && c.getParameterCount() == 0
                            && c.getReturnType() != void.class && !c.isAnnotationPresent(Setup.class)) {
                        names.add(c.getName());
                    }
                }
            }
        }
        return names;
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
