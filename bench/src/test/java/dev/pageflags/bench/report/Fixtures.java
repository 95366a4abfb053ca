package dev.pageflags.bench.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hand-built JMH and native floor JSON in the shape the real tools write. */
final class Fixtures {
    /**
     * The first reference run of the benchmarks (2026-11-21: 2 forks, 5 iterations each, its floor's
     * batches pooled), kept as a fixture when the committed reference was rerun in the current format.
     */
    static final Path REFERENCE = Path.of("src", "test", "resources", "reference-2forks", "jmh.json");

    private Fixtures() {
    }

    /** One JMH result entry with one fork of one iteration; {@code error} a number or "NaN", as JMH writes it. */
    static String entry(String benchmark, int threads, double score, Object error, String unit,
                        Map<String, String> params, Map<String, Double> secondaries) {
        JsonObject o = header(benchmark, "avgt", threads, 2, 3, 5);
        if (!params.isEmpty()) {
            JsonObject p = new JsonObject();
            params.forEach(p::addProperty);
            o.add("params", p);
        }
        o.add("primaryMetric", metric(score, error, unit, new double[][] {{score}}));
        JsonObject sec = new JsonObject();
        secondaries.forEach((k, v) -> sec.add(k, metric(v, error, unit, new double[][] {{v}})));
        o.add("secondaryMetrics", sec);
        return o.toString();
    }

    static String entry(String benchmark, double score, double error) {
        return entry(benchmark, 1, score, error, "ns/op", Map.of(), Map.of());
    }

    /**
     * An AverageTime result whose forks measured these ns/op (each fork two equal iterations); its
     * score is their mean, as JMH computes it, its error an arbitrary 1%.
     */
    static String forked(String benchmark, double... forkMeans) {
        return forked(benchmark, Map.of(), forkMeans);
    }

    /** As {@link #forked(String, double...)}, with {@code @AuxCounters(EVENTS)} counters: name to per-fork totals. */
    static String forked(String benchmark, Map<String, double[]> counters, double... forkMeans) {
        return forked(benchmark, Map.of(), counters, forkMeans);
    }

    /**
     * As above, for a group: {@code threads} its methods' ns/op (each one fork of one iteration), and
     * the counters.
     */
    static String forked(String benchmark, Map<String, Double> threads, Map<String, double[]> counters,
                         double... forkMeans) {
        JsonObject o = header(benchmark, "avgt", Math.max(1, threads.size()), forkMeans.length, 3, 2);
        double mean = Arrays.stream(forkMeans).average().orElseThrow();
        double[][] raw = new double[forkMeans.length][];
        for (int f = 0; f < forkMeans.length; f++) {
            raw[f] = new double[] {forkMeans[f], forkMeans[f]};
        }
        o.add("primaryMetric", metric(mean, mean / 100, "ns/op", raw));
        JsonObject sec = new JsonObject();
        threads.forEach((name, v) -> sec.add(name, metric(v, v / 100, "ns/op", new double[][] {{v}})));
        counters.forEach((name, totals) -> {
            double[][] perIteration = new double[totals.length][];
            double sum = 0;
            for (int f = 0; f < totals.length; f++) {
                // Two iterations per fork, splitting the fork's total.
                perIteration[f] = new double[] {totals[f] / 2, totals[f] / 2};
                sum += totals[f];
            }
            sec.add(name, metric(sum, "NaN", "#", perIteration));
        });
        o.add("secondaryMetrics", sec);
        return o.toString();
    }

    /** A SampleTime result: per fork, per iteration, [value, count] buckets; percentiles as given. */
    static String sampled(String benchmark, double[][][][] histogram, double score, Map<String, Double> percentiles) {
        JsonObject o = header(benchmark, "sample", 2, histogram.length, 3, 5);
        JsonObject m = new JsonObject();
        m.addProperty("score", score);
        m.addProperty("scoreError", score / 10);
        m.addProperty("scoreUnit", "ns/op");
        JsonObject p = new JsonObject();
        percentiles.forEach(p::addProperty);
        m.add("scorePercentiles", p);
        m.add("rawDataHistogram", new GsonBuilder().create().toJsonTree(histogram));
        o.add("primaryMetric", m);
        JsonObject sec = new JsonObject();
        // SampleTime repeats its percentiles as secondaries; they are not threads.
        sec.add("p0.50", metric(percentiles.getOrDefault("50.0", 0.0), "NaN", "ns/op", new double[][] {{1}}));
        o.add("secondaryMetrics", sec);
        return o.toString();
    }

    private static JsonObject header(String benchmark, String mode, int threads, int forks, int warmups,
                                     int iterations) {
        JsonObject o = new JsonObject();
        o.addProperty("jmhVersion", "1.37");
        o.addProperty("benchmark", benchmark);
        o.addProperty("mode", mode);
        o.addProperty("threads", threads);
        o.addProperty("forks", forks);
        o.addProperty("jdkVersion", "17.0.15");
        o.addProperty("vmName", "OpenJDK 64-Bit Server VM");
        o.addProperty("vmVersion", "17.0.15+6");
        o.addProperty("warmupIterations", warmups);
        o.addProperty("warmupTime", "300 ms");
        o.addProperty("measurementIterations", iterations);
        o.addProperty("measurementTime", "300 ms");
        return o;
    }

    private static JsonObject metric(double score, Object error, String unit, double[][] raw) {
        JsonObject m = new JsonObject();
        m.addProperty("score", score);
        if (error instanceof String s) {
            m.addProperty("scoreError", s);
        } else {
            m.addProperty("scoreError", ((Number) error).doubleValue());
        }
        m.addProperty("scoreUnit", unit);
        m.add("rawData", new GsonBuilder().create().toJsonTree(raw));
        return m;
    }

    static String jmh(String... entries) {
        return "[\n" + String.join(",\n", entries) + "\n]\n";
    }

    /**
     * A native floor document as NativeFloorRunner writes it: per instruction, one mean per round in
     * {@code ops[].nsPerOp}, and {@code rounds[]} holding each round's batches (here two batches a
     * round, 0.1 either side of its mean).
     */
    static String floor(Map<String, double[]> roundMeans) {
        JsonObject root = new JsonObject();
        root.addProperty("tool", "pageflags native floor");
        root.addProperty("compiler", "gcc 12.2.0");
        root.addProperty("loop", "indexed");
        root.addProperty("batches", 2);
        root.addProperty("batchMs", 20);
        JsonArray items = new JsonArray();
        int rounds = 0;
        for (Map.Entry<String, double[]> op : roundMeans.entrySet()) {
            JsonObject o = new JsonObject();
            o.addProperty("name", op.getKey());
            o.addProperty("instruction", op.getKey() + " (mem)");
            o.add("nsPerOp", new GsonBuilder().create().toJsonTree(op.getValue()));
            items.add(o);
            rounds = Math.max(rounds, op.getValue().length);
        }
        root.add("ops", items);
        JsonArray all = new JsonArray();
        for (int r = 0; r < rounds; r++) {
            JsonArray ops = new JsonArray();
            for (Map.Entry<String, double[]> op : roundMeans.entrySet()) {
                JsonObject o = new JsonObject();
                o.addProperty("name", op.getKey());
                double mean = op.getValue()[Math.min(r, op.getValue().length - 1)];
                o.add("nsPerOp", new GsonBuilder().create().toJsonTree(new double[] {mean - 0.1, mean + 0.1}));
                ops.add(o);
            }
            JsonObject round = new JsonObject();
            round.addProperty("round", r + 1);
            round.addProperty("before", "Bench" + (r + 1));
            round.addProperty("startedAt", "2025-01-01T00:00:0" + (r % 10) + "Z");
            round.add("ops", ops);
            all.add(round);
        }
        root.add("rounds", all);
        return root.toString();
    }

    /** A run of the given entries and floor (null for none). */
    static ResultSet run(String floorJson, String... entries) {
        return new ResultSet(JmhJson.parse(jmh(entries)),
                Optional.ofNullable(floorJson).map(NativeFloor::parse));
    }

    /**
     * The first reference run ({@link #REFERENCE}) reshaped into a synthetic one: every benchmark's rawData becomes
     * {@code forks} forks, fork f being the reference's fork (f mod 2) scaled by {@code factor} and
     * by 1 + 0.01 (f - forks / 2), its score the new mean. Same benchmarks, same shape, more forks.
     */
    static String reshapedReference(double factor, int forks) throws IOException {
        JsonArray entries = JsonParser.parseString(Files.readString(REFERENCE)).getAsJsonArray();
        for (JsonElement e : entries) {
            JsonObject o = e.getAsJsonObject();
            o.addProperty("forks", forks);
            reshape(o.getAsJsonObject("primaryMetric"), factor, forks);
            for (Map.Entry<String, JsonElement> m : o.getAsJsonObject("secondaryMetrics").entrySet()) {
                reshape(m.getValue().getAsJsonObject(), factor, forks);
            }
        }
        return entries.toString();
    }

    private static void reshape(JsonObject metric, double factor, int forks) {
        JsonArray original = metric.getAsJsonArray("rawData");
        JsonArray raw = new JsonArray();
        List<Double> all = new ArrayList<>();
        for (int f = 0; f < forks; f++) {
            JsonArray fork = new JsonArray();
            for (JsonElement it : original.get(f % original.size()).getAsJsonArray()) {
                double v = it.getAsDouble() * factor * (1 + 0.01 * (f - forks / 2));
                fork.add(v);
                all.add(v);
            }
            raw.add(fork);
        }
        metric.add("rawData", raw);
        metric.addProperty("score", all.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
    }

    /**
     * The first reference run ({@link #REFERENCE}) as a run directory: its jmh.json and machine.md, and its native
     * floor in the per-round shape. That floor was written before rounds were kept (each instruction's
     * batches in one array) and NativeFloor refuses it; its batches become the one round they were
     * taken as, so the mean is the reference's and there is no round-to-round interval.
     */
    static Path referenceDir(Path root) throws IOException {
        Path reference = REFERENCE.getParent();
        Path dir = Files.createDirectories(root.resolve("reference"));
        Files.copy(REFERENCE, dir.resolve("jmh.json"));
        Files.copy(reference.resolve("machine.md"), dir.resolve("machine.md"));
        JsonObject floor = JsonParser.parseString(Files.readString(reference.resolve(NativeFloor.FILE_NAME)))
                .getAsJsonObject();
        JsonArray means = new JsonArray();
        JsonArray roundOps = new JsonArray();
        for (JsonElement e : floor.getAsJsonArray("ops")) {
            JsonObject op = e.getAsJsonObject();
            roundOps.add(op.deepCopy());
            double sum = 0;
            for (JsonElement b : op.getAsJsonArray("nsPerOp")) {
                sum += b.getAsDouble();
            }
            JsonArray mean = new JsonArray();
            mean.add(sum / op.getAsJsonArray("nsPerOp").size());
            op.add("nsPerOp", mean);
        }
        JsonObject round = new JsonObject();
        round.addProperty("round", 1);
        round.addProperty("before", "JMH");
        round.add("ops", roundOps);
        JsonArray rounds = new JsonArray();
        rounds.add(round);
        floor.add("rounds", rounds);
        Files.writeString(dir.resolve(NativeFloor.FILE_NAME), floor.toString());
        return dir;
    }

    /** Writes a run directory: jmh.json, and a machine.md naming the CPU when {@code cpu} is not null. */
    static Path runDir(Path root, String name, String jmhJson, String cpu) throws IOException {
        Path dir = Files.createDirectories(root.resolve(name));
        Files.writeString(dir.resolve("jmh.json"), jmhJson);
        if (cpu != null) {
            Files.writeString(dir.resolve("machine.md"), "# Machine of this run\n\n| | |\n|---|---|\n| CPU | " + cpu
                    + " (family 25; virtual machine) |\n| CPUs | 2 |\n");
        }
        return dir;
    }
}
