package dev.pageflags.bench.report;

import dev.pageflags.report.Precision;
import java.util.List;
import java.util.Optional;

/**
 * The report's atomic vs non-atomic table: for each {@link AtomicPair}, what the non-atomic
 * operation saves in nanoseconds (latency on one word, throughput over independent words) and what
 * it costs in updates lost per million. Intervals as for the ratios ({@link Bootstrap}); a measure
 * whose benchmarks this run lacks is a "not run" row.
 */
final class AtomicTable {
    static final String HEADING = "Atomic vs non-atomic";
    private static final double MILLION = 1e6;

    private final List<AtomicPair> pairs;

    AtomicTable(List<AtomicPair> pairs) {
        this.pairs = List.copyOf(pairs);
    }

    String render(ResultSet run) {
        StringBuilder md = new StringBuilder("## " + HEADING + "\n\n");
        md.append("Latency: one thread, one word, each operation waiting for the previous one's store. Throughput:"
                + " one thread over independent words, where plain read-modify-writes overlap and locked ones do not."
                + " Two threads: each sets then clears its own bit of one shared word, checking it with test_bit"
                + " before each operation; a check that finds the bit undone counts a lost update"
                + " (`@AuxCounters` `" + AtomicPair.LOST + "` per `" + AtomicPair.OPS + "`; an update overwritten"
                + " again before the check is not seen, so it is a lower bound)."
                + " \"Non-atomic saves\" is atomic minus non-atomic ns/op.\n\n");
        md.append("| Operations | Measure | Atomic | Non-atomic | Atomic / non-atomic | Non-atomic saves |\n"
                + "|---|---|---:|---:|---:|---:|\n");
        for (AtomicPair pair : pairs) {
            String name = pair.name();
            for (AtomicPair.Measure m : pair.measures()) {
                md.append(m.kind() == AtomicPair.Kind.LOST_UPDATES ? lostRow(run, name, m) : timeRow(run, name, m));
                name = "";
            }
        }
        return md.append('\n').toString();
    }

    private static String head(String name, AtomicPair.Measure m) {
        return "| " + name + " | " + m.kind().label + "<br>`" + m.atomic() + "` / `" + m.nonAtomic() + "` | ";
    }

    private static String timeRow(ResultSet run, String name, AtomicPair.Measure m) {
        Optional<Figure> atomic = run.figure(m.atomic());
        Optional<Figure> plain = run.figure(m.nonAtomic());
        if (atomic.isEmpty() || plain.isEmpty()) {
            return head(name, m) + "not run: no " + run.missing(m.atomic(), m.nonAtomic()) + " in this run | | | |\n";
        }
        String key = m.atomic() + "/" + m.nonAtomic();
        List<Double> a = run.forks(m.atomic());
        List<Double> p = run.forks(m.nonAtomic());
        double ratio = atomic.get().value() / plain.get().value();
        Interval ratioInterval = Bootstrap.ratio(a, p, key).orElse(null);
        double saves = atomic.get().value() - plain.get().value();
        Interval savesInterval = Bootstrap.difference(a, p, key).orElse(null);
        return head(name, m) + atomic.get().formatMarked() + " | " + plain.get().formatMarked()
                + " | " + Interval.formatMarked(ratio, "x", ratioInterval)
                + " | " + Interval.formatMarked(saves, " ns", savesInterval) + " |\n";
    }

    private static String lostRow(ResultSet run, String name, AtomicPair.Measure m) {
        return head(name, m) + lostCell(run, m.atomic()) + " | " + lostCell(run, m.nonAtomic()) + " | | |\n";
    }

    /** Lost updates per million operations, from the benchmark's two counters; each fork is one sample. */
    static String lostCell(ResultSet run, String id) {
        if (run.result(id).isEmpty()) {
            return "not run";
        }
        Optional<AuxCounter> lost = run.counter(id, AtomicPair.LOST);
        Optional<AuxCounter> ops = run.counter(id, AtomicPair.OPS);
        if (lost.isEmpty() || ops.isEmpty() || !(ops.get().total() > 0)) {
            return "no counters `" + AtomicPair.LOST + "`, `" + AtomicPair.OPS + "`";
        }
        double perMillion = lost.get().total() / ops.get().total() * MILLION;
        String counts = " (" + Precision.number(lost.get().total(), 0) + " of "
                + Precision.number(ops.get().total(), 0) + ")";
        if (lost.get().total() == 0) {
            return "0" + counts;
        }
        Interval interval = Bootstrap.ratio(lost.get().forkTotals(), ops.get().forkTotals(), "lost " + id)
                .map(i -> new Interval(i.low() * MILLION, i.high() * MILLION)).orElse(null);
        return Interval.formatMarked(perMillion, "", interval) + counts;
    }
}
