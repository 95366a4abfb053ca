package dev.pageflags.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Hand-built JMH and native floor JSON in the shape the real tools write. */
final class Fixtures {
    private Fixtures() {
    }

    /** One JMH result entry; {@code error} may be a number or the string "NaN", as JMH writes it. */
    static String entry(String benchmark, int threads, double score, Object error, String unit,
                        Map<String, String> params, Map<String, Double> secondaries) {
        String p = params.entrySet().stream().map(e -> q(e.getKey()) + ": " + q(e.getValue()))
                .collect(Collectors.joining(", "));
        String sec = secondaries.entrySet().stream()
                .map(e -> q(e.getKey()) + ": " + metric(e.getValue(), error, unit))
                .collect(Collectors.joining(", "));
        return "{" + q("jmhVersion") + ": \"1.37\", " + q("benchmark") + ": " + q(benchmark) + ", "
                + q("mode") + ": \"avgt\", " + q("threads") + ": " + threads + ", " + q("forks") + ": 2, "
                + q("jdkVersion") + ": \"17.0.15\", " + q("vmName") + ": \"OpenJDK 64-Bit Server VM\", "
                + q("vmVersion") + ": \"17.0.15+6\", " + q("warmupIterations") + ": 3, "
                + q("warmupTime") + ": \"300 ms\", " + q("measurementIterations") + ": 5, "
                + q("measurementTime") + ": \"300 ms\", "
                + (params.isEmpty() ? "" : q("params") + ": {" + p + "}, ")
                + q("primaryMetric") + ": " + metric(score, error, unit) + ", "
                + q("secondaryMetrics") + ": {" + sec + "}}";
    }

    static String entry(String benchmark, double score, double error) {
        return entry(benchmark, 1, score, error, "ns/op", Map.of(), Map.of());
    }

    private static String metric(double score, Object error, String unit) {
        String err = error instanceof String s ? q(s) : String.format(Locale.ROOT, "%s", error);
        return "{" + q("score") + ": " + score + ", " + q("scoreError") + ": " + err + ", "
                + q("scoreUnit") + ": " + q(unit) + ", " + q("rawData") + ": [[" + score + "]]}";
    }

    static String jmh(String... entries) {
        return "[\n" + String.join(",\n", entries) + "\n]\n";
    }

    /** A native floor document: name, then its samples. */
    static String floor(Map<String, double[]> ops) {
        List<String> items = new ArrayList<>();
        ops.forEach((name, samples) -> {
            List<String> s = new ArrayList<>();
            for (double v : samples) {
                s.add(String.valueOf(v));
            }
            items.add("{\"name\": " + q(name) + ", \"instruction\": \"" + name + " (mem)\", \"opsPerBatch\": 1000,"
                    + " \"nsPerOp\": [" + String.join(", ", s) + "]}");
        });
        return "{\"tool\": \"pageflags native floor\", \"compiler\": \"gcc 12.2.0\", \"unroll\": 8,"
                + " \"batches\": 3, \"batchMs\": 20, \"ops\": [" + String.join(", ", items) + "]}";
    }

    /** A run of the given entries and floor (null for none). */
    static ResultSet run(String floorJson, String... entries) {
        return new ResultSet(JmhJson.parse(jmh(entries)),
                Optional.ofNullable(floorJson).map(NativeFloor::parse));
    }

    private static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
