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
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a JMH result file written with {@code -rf json}: each result's score, its per-fork means
 * (from {@code rawData}, or {@code rawDataHistogram} in SampleTime mode), its secondary metrics
 * (group methods, {@code @AuxCounters}) and, in SampleTime mode, its latency percentiles.
 */
public final class JmhJson {
    private static final String EVENT_COUNT_UNIT = "#";

    /** SampleTime's own secondaries: "p0.50", "p0.999"... (the percentiles, read from the primary metric instead). */
    private static final Pattern SAMPLE_PERCENTILE = Pattern.compile("p\\d\\.\\d+");
    /** The percentiles the report shows, by JMH's key in {@code scorePercentiles}. */
    private static final Map<String, String> PERCENTILES = Map.of("50.0", "p50", "99.0", "p99", "99.9", "p99.9");

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
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException
                 | ClassCastException | NumberFormatException e) {
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
            if (!e.isJsonObject()) {
                throw new IllegalStateException("entry " + (results.size() + 1) + " is not an object");
            }
            JsonObject o = e.getAsJsonObject();
            if (results.isEmpty()) {
                info = runInfo(o);
            }
            results.add(result(o, results.size() + 1));
        }
        return new Run(info, results);
    }

    private static RunInfo runInfo(JsonObject o) {
        return new RunInfo(string(o, "jmhVersion"), string(o, "jdkVersion"), string(o, "vmName"),
                string(o, "vmVersion"), integer(o, "forks"), integer(o, "warmupIterations"),
                string(o, "warmupTime"), integer(o, "measurementIterations"), string(o, "measurementTime"));
    }

    private static BenchResult result(JsonObject o, int index) {
        String benchmark = required(o, "benchmark", index).getAsString();
        String mode = string(o, "mode");
        String params = params(o.getAsJsonObject("params"));
        JsonObject primary = required(o, "primaryMetric", index).getAsJsonObject();
        ScoreUnit unit = ScoreUnit.time(primary.get("scoreUnit").getAsString())
                .orElseThrow(() -> new IllegalStateException("unknown score unit '"
                        + primary.get("scoreUnit").getAsString() + "' in " + benchmark));
        Map<String, Figure> perThread = new LinkedHashMap<>();
        Map<String, AuxCounter> counters = new LinkedHashMap<>();
        JsonObject secondary = o.getAsJsonObject("secondaryMetrics");
        if (secondary != null) {
            for (Map.Entry<String, JsonElement> m : secondary.entrySet()) {
                String name = m.getKey();
                // Profiler metrics start with a middle dot (·gc.alloc.rate); SampleTime repeats its percentiles.
                if (name.startsWith("\u00b7") || (mode.equals("sample") && SAMPLE_PERCENTILE.matcher(name).matches())) {
                    continue;
                }
                JsonObject metric = m.getValue().getAsJsonObject();
                String metricUnit = metric.get("scoreUnit").getAsString();
                // A group method's own score comes in the primary's unit, an @AuxCounters EVENTS counter
                // in "#"; anything else is a profiler's (JMH 1.37's gc.alloc.rate is MB/sec, no dot).
                if (metricUnit.equals(primary.get("scoreUnit").getAsString())) {
                    perThread.put(name, figure(metric, unit));
                } else if (metricUnit.equals(EVENT_COUNT_UNIT)) {
                    counters.put(name, new AuxCounter(metricUnit, metric.get("score").getAsDouble(),
                            forkTotals(metric)));
                }
            }
        }
        return new BenchResult(BenchResult.idOf(benchmark, params), benchmark, params, mode, integer(o, "threads"),
                figure(primary, unit), forkMeans(primary, unit), perThread, counters, percentiles(primary, mode, unit));
    }

    private static String params(JsonObject params) {
        if (params == null) {
            return "";
        }
        Map<String, String> sorted = new TreeMap<>();
        params.entrySet().forEach(p -> sorted.put(p.getKey(), p.getValue().getAsString()));
        return sorted.entrySet().stream().map(p -> p.getKey() + "=" + p.getValue()).collect(Collectors.joining(","));
    }

    /** Score and error of a metric, in ns/op whatever mode and unit it was run in. */
    private static Figure figure(JsonObject metric, ScoreUnit unit) {
        double score = metric.get("score").getAsDouble();
        return new Figure(unit.nsPerOp(score), unit.nsPerOpError(score, metric.get("scoreError").getAsDouble()));
    }

    /** Each fork's mean in ns/op: of its iterations, or of its samples in SampleTime mode. */
    private static List<Double> forkMeans(JsonObject metric, ScoreUnit unit) {
        List<Double> means = new ArrayList<>();
        if (metric.has("rawData")) {
            for (JsonElement fork : metric.getAsJsonArray("rawData")) {
                double sum = 0;
                int n = 0;
                for (JsonElement iteration : fork.getAsJsonArray()) {
                    sum += iteration.getAsDouble();
                    n++;
                }
                if (n > 0) {
                    means.add(unit.nsPerOp(sum / n));
                }
            }
        } else if (metric.has("rawDataHistogram")) {
            for (JsonElement fork : metric.getAsJsonArray("rawDataHistogram")) {
                double sum = 0;
                double count = 0;
                for (JsonElement iteration : fork.getAsJsonArray()) {
                    for (JsonElement bucket : iteration.getAsJsonArray()) {
                        JsonArray valueAndCount = bucket.getAsJsonArray();
                        sum += valueAndCount.get(0).getAsDouble() * valueAndCount.get(1).getAsDouble();
                        count += valueAndCount.get(1).getAsDouble();
                    }
                }
                if (count > 0) {
                    means.add(unit.nsPerOp(sum / count));
                }
            }
        }
        return means;
    }

    /** A counter's total per fork: the sum of its iterations. */
    private static List<Double> forkTotals(JsonObject metric) {
        List<Double> totals = new ArrayList<>();
        if (metric.has("rawData")) {
            for (JsonElement fork : metric.getAsJsonArray("rawData")) {
                double sum = 0;
                for (JsonElement iteration : fork.getAsJsonArray()) {
                    sum += iteration.getAsDouble();
                }
                totals.add(sum);
            }
        }
        return totals;
    }

    private static Map<String, Double> percentiles(JsonObject primary, String mode, ScoreUnit unit) {
        Map<String, Double> out = new LinkedHashMap<>();
        JsonObject p = primary.getAsJsonObject("scorePercentiles");
        if (!mode.equals("sample") || p == null) {
            return out;
        }
        for (String key : List.of("50.0", "99.0", "99.9")) {
            if (p.has(key)) {
                out.put(PERCENTILES.get(key), unit.nsPerOp(p.get(key).getAsDouble()));
            }
        }
        return out;
    }

    private static JsonElement required(JsonObject o, String key, int index) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            throw new IllegalStateException("entry " + index + " has no '" + key + "'");
        }
        return e;
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? "?" : e.getAsString();
    }

    private static int integer(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? 0 : e.getAsInt();
    }

    /** A JMH time unit, {@code ns/op} or {@code ops/us}, as a conversion to ns/op. */
    private record ScoreUnit(double nanos, boolean throughput) {

        /** The conversion, or empty for a unit that is not a time per operation or operations per time ("#"). */
        static Optional<ScoreUnit> time(String unit) {
            String[] parts = unit.split("/");
            if (parts.length != 2) {
                return Optional.empty();
            }
            if (parts[1].equals("op")) {
                return nanosIn(parts[0]).map(n -> new ScoreUnit(n, false));
            }
            if (parts[0].equals("ops")) {
                return nanosIn(parts[1]).map(n -> new ScoreUnit(n, true));
            }
            return Optional.empty();
        }

        double nsPerOp(double score) {
            return throughput ? nanos / score : score * nanos;
        }

        /** The error in ns/op; a throughput's relative error carries over unchanged to first order. */
        double nsPerOpError(double score, double error) {
            return throughput ? nsPerOp(score) * error / score : error * nanos;
        }

        private static Optional<Double> nanosIn(String timeUnit) {
            return Optional.ofNullable(switch (timeUnit) {
                case "ns" -> 1.0;
                case "us" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "min" -> 60e9;
                default -> null;
            });
        }
    }
}
