package dev.pageflags.bench.report;

import java.util.Map;

/**
 * One JMH result as the report needs it, its score converted to nanoseconds per operation.
 *
 * @param id        {@code Class.method} (or {@code Class.group}), then {@code :k=v,...} for
 *                  {@code @Param}s: the name ratios and comparisons refer to
 * @param benchmark JMH's full benchmark name
 * @param params    the {@code @Param} values, "" when none
 * @param threads   threads that ran it (2 for the sharing and hand-off groups)
 * @param perThread a {@code @Group} benchmark's score per group method, in ns/op; empty otherwise
 */
public record BenchResult(String id, String benchmark, String params, int threads, Figure nsPerOp,
                          Map<String, Figure> perThread) {

    public BenchResult {
        perThread = Map.copyOf(perThread);
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
