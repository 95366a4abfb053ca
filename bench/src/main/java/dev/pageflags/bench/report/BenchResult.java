package dev.pageflags.bench.report;

import java.util.List;
import java.util.Map;

/**
 * One JMH result as the report needs it, its score converted to nanoseconds per operation.
 *
 * @param id          {@code Class.method} (or {@code Class.group}), then {@code :k=v,...} for
 *                    {@code @Param}s: the name ratios and comparisons refer to
 * @param benchmark   JMH's full benchmark name
 * @param params      the {@code @Param} values, "" when none
 * @param mode        JMH's mode: avgt, thrpt, sample, ss
 * @param threads     threads that ran it (2 for the sharing and hand-off groups)
 * @param forkMeans   the mean ns/op of each fork, in fork order: what {@link Bootstrap} resamples
 * @param perThread   time metrics beside the primary one: a {@code @Group} benchmark's score per group
 *                    method, and {@code @AuxCounters(OPERATIONS)} counters, in ns/op
 * @param counters    {@code @AuxCounters(EVENTS)} counters (unit "#"), by field name
 * @param percentiles a {@code SampleTime} benchmark's latency percentiles in ns ("p50", "p99", "p99.9");
 *                    empty in other modes
 */
public record BenchResult(String id, String benchmark, String params, String mode, int threads, Figure nsPerOp,
                          List<Double> forkMeans, Map<String, Figure> perThread, Map<String, AuxCounter> counters,
                          Map<String, Double> percentiles) {

    public BenchResult {
        forkMeans = List.copyOf(forkMeans);
        perThread = Map.copyOf(perThread);
        counters = Map.copyOf(counters);
        percentiles = Map.copyOf(percentiles);
    }

    /** The class part of the id: the section of the report the result belongs in. */
    public String section() {
        int dot = id.indexOf('.');
        return dot < 0 ? id : id.substring(0, dot);
    }

    /** The id without its class: {@code method[:params]}. */
    public String shortName() {
        int dot = id.indexOf('.');
        return dot < 0 ? id : id.substring(dot + 1);
    }

    /** The id of a result: {@code simpleClass.method} plus {@code :params} when there are any. */
    public static String idOf(String benchmark, String params) {
        String[] parts = benchmark.split("\\.");
        String shortName = parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : benchmark;
        return params.isEmpty() ? shortName : shortName + ":" + params;
    }
}
