package dev.pageflags.bench.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Reads a JMH result file written with {@code -rf json}. */
public final class JmhJson {
    private JmhJson() {
    }

    /** The run and its results, in file order. */
    public record Run(RunInfo info, List<BenchResult> results) {
        public Run {
            results = List.copyOf(results);
        }
    }

    public static Run read(Path file) throws IOException {
        String text = Files.readString(file);
        try {
            return parse(text);
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
            throw new IOException(file + " is not a JMH JSON result file (-rf json): " + e.getMessage(), e);
        }
    }

    static Run parse(String text) {
        JsonElement root = JsonParser.parseString(text);
        if (!root.isJsonArray()) {
            throw new IllegalStateException("expected a JSON array of benchmark results");
        }
        JsonArray array = root.getAsJsonArray();
        List<BenchResult> results = new ArrayList<>();
        RunInfo info = RunInfo.unknown();
        for (JsonElement e : array) {
            JsonObject o = e.getAsJsonObject();
            if (results.isEmpty()) {
                info = runInfo(o);
            }
            results.add(result(o));
        }
        return new Run(info, results);
    }

    private static RunInfo runInfo(JsonObject o) {
        return new RunInfo(string(o, "jmhVersion"), string(o, "jdkVersion"), string(o, "vmName"),
                string(o, "vmVersion"), integer(o, "forks"), integer(o, "warmupIterations"),
                string(o, "warmupTime"), integer(o, "measurementIterations"), string(o, "measurementTime"));
    }

    private static BenchResult result(JsonObject o) {
        String benchmark = o.get("benchmark").getAsString();
        String params = params(o.getAsJsonObject("params"));
        JsonObject primaryMetric = o.getAsJsonObject("primaryMetric");
        Figure primary = nsPerOp(primaryMetric);
        Map<String, Figure> perThread = new LinkedHashMap<>();
        JsonObject secondary = o.getAsJsonObject("secondaryMetrics");
        if (secondary != null) {
            for (Map.Entry<String, JsonElement> m : secondary.entrySet()) {
                // A group method's own score comes in the primary's unit. Profiler metrics do not
                // (gc.alloc.rate is MB/sec; older JMH also prefixed them with a middle dot), nor do
                // @AuxCounters of type EVENTS (unit "#", LockHandOffBench's hand-offs): not threads.
                JsonObject metric = m.getValue().getAsJsonObject();
                if (!m.getKey().startsWith("\u00b7") && unit(metric).equals(unit(primaryMetric))) {
                    perThread.put(m.getKey(), nsPerOp(metric));
                }
            }
        }
        return new BenchResult(BenchResult.idOf(benchmark, params), benchmark, params, integer(o, "threads"),
                primary, perThread);
    }

    private static String params(JsonObject params) {
        if (params == null) {
            return "";
        }
        Map<String, String> sorted = new TreeMap<>();
        params.entrySet().forEach(p -> sorted.put(p.getKey(), p.getValue().getAsString()));
        return sorted.entrySet().stream().map(p -> p.getKey() + "=" + p.getValue()).collect(Collectors.joining(","));
    }

    private static String unit(JsonObject metric) {
        return metric.get("scoreUnit").getAsString();
    }

    /** Score and error of a metric, converted to ns/op whatever mode and unit it was run in. */
    static Figure nsPerOp(JsonObject metric) {
        double score = metric.get("score").getAsDouble();
        double error = metric.get("scoreError").getAsDouble();
        String unit = metric.get("scoreUnit").getAsString();
        String[] parts = unit.split("/");
        if (parts.length != 2) {
            throw new IllegalStateException("unknown score unit '" + unit + "'");
        }
        if (parts[1].equals("op")) {
            double scale = nanosIn(parts[0], unit);
            return new Figure(score * scale, error * scale);
        }
        if (parts[0].equals("ops")) {
            // Throughput: invert; the relative error carries over unchanged to first order.
            double ns = nanosIn(parts[1], unit) / score;
            return new Figure(ns, ns * error / score);
        }
        throw new IllegalStateException("unknown score unit '" + unit + "'");
    }

    private static double nanosIn(String timeUnit, String unit) {
        return switch (timeUnit) {
            case "ns" -> 1;
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "min" -> 60e9;
            default -> throw new IllegalStateException("unknown time unit in '" + unit + "'");
        };
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? "?" : e.getAsString();
    }

    private static int integer(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? 0 : e.getAsInt();
    }
}
