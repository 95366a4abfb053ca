package dev.pageflags.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one run measured: the JMH results and, when gcc was there, the native floor. Looks a
 * figure up by the id ratios use: a JMH result id or {@code native:<instruction>}.
 */
public final class ResultSet {
    private final RunInfo info;
    private final Map<String, BenchResult> results = new LinkedHashMap<>();
    private final Optional<NativeFloor> floor;

    public ResultSet(JmhJson.Run run, Optional<NativeFloor> floor) {
        this.info = run.info();
        // Stable sort: @Param variants keep JMH's order among themselves.
        run.results().stream().sorted(Comparator.comparingInt(r -> Catalog.order(r.id())))
                .forEach(r -> results.put(r.id(), r));
        this.floor = floor;
    }

    /** A JMH result file and the native floor beside it, if any. */
    public static ResultSet load(Path jmhJson) throws IOException {
        return new ResultSet(JmhJson.read(jmhJson), NativeFloor.besides(jmhJson));
    }

    public RunInfo info() {
        return info;
    }

    public List<BenchResult> results() {
        return List.copyOf(results.values());
    }

    public Optional<NativeFloor> floor() {
        return floor;
    }

    public Optional<BenchResult> result(String id) {
        return Optional.ofNullable(results.get(id));
    }

    /** The ns/op behind an id, if this run measured it. */
    public Optional<Figure> figure(String id) {
        if (id.startsWith(NativeFloor.PREFIX)) {
            return nativeOp(id).map(NativeFloor.Op::nsPerOp);
        }
        return result(id).map(BenchResult::nsPerOp);
    }

    /** The fork means behind an id (a native instruction's round means); empty when not measured. */
    public List<Double> forks(String id) {
        if (id.startsWith(NativeFloor.PREFIX)) {
            return nativeOp(id).map(NativeFloor.Op::roundMeans).orElse(List.of());
        }
        return result(id).map(BenchResult::forkMeans).orElse(List.of());
    }

    /** A benchmark's {@code @AuxCounters(EVENTS)} counter by field name. */
    public Optional<AuxCounter> counter(String id, String name) {
        return result(id).map(r -> r.counters().get(name));
    }

    /** The ids this run did not measure, as "`A.b`, `native:c`" ("" when it measured them all). */
    public String missing(String... ids) {
        StringBuilder missing = new StringBuilder();
        for (String id : ids) {
            if (figure(id).isEmpty()) {
                missing.append(missing.length() == 0 ? "" : ", ").append('`').append(id).append('`');
            }
        }
        return missing.toString();
    }

    private Optional<NativeFloor.Op> nativeOp(String id) {
        String name = id.substring(NativeFloor.PREFIX.length());
        return floor.flatMap(f -> f.op(name));
    }
}
