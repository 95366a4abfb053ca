package dev.pageflags.bench.report;

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
                + " Lost updates: two threads on two bits of one word, counted by the benchmark"
                + " (`@AuxCounters` `" + AtomicPair.LOST + "` per `" + AtomicPair.UPDATES + "`)."
                + " \"Non-atomic saves\" is atomic minus non-atomic ns/op.\n\n");
        md.append("| Operations | Measure | Atomic | Non-atomic | Atomic / non-atomic | Non-atomic saves |\n"
                + "|---|---|---:|---:|---:|---:|\n");
        for (AtomicPair pair : pairs) {
            md.append(timeRow(run, pair.name(), "latency, one word, ns/op", pair.latency()));
            md.append(timeRow(run, "", "throughput, independent words, ns/op", pair.throughput()));
            md.append(lostRow(run, "", "lost updates per million, 2 threads on one word", pair.lostUpdates()));
        }
        return md.append('\n').toString();
    }

    private static String timeRow(ResultSet run, String name, String measure, AtomicPair.Ids ids) {
        Optional<Figure> atomic = run.figure(ids.atomic());
        Optional<Figure> plain = run.figure(ids.nonAtomic());
        String head = "| " + name + " | " + measure + "<br>" + idsText(ids) + " | ";
        if (atomic.isEmpty() || plain.isEmpty()) {
            return head + "not run: no " + run.missing(ids.atomic(), ids.nonAtomic()) + " in this run | | | |\n";
        }
        String key = ids.atomic() + "/" + ids.nonAtomic();
        List<Double> a = run.forks(ids.atomic());
        List<Double> p = run.forks(ids.nonAtomic());
        double ratio = atomic.get().value() / plain.get().value();
        Interval ratioInterval = Bootstrap.ratio(a, p, key).orElse(null);
        double saves = atomic.get().value() - plain.get().value();
        Interval savesInterval = Bootstrap.difference(a, p, key).orElse(null);
        return head + atomic.get().formatMarked() + " | " + plain.get().formatMarked()
                + " | " + Precision.withIntervalMarked(ratio, "x", ratioInterval)
                + " | " + Precision.withIntervalMarked(saves, " ns", savesInterval) + " |\n";
    }

    private static String lostRow(ResultSet run, String name, String measure, AtomicPair.Ids ids) {
        return "| " + name + " | " + measure + "<br>" + idsText(ids) + " | " + lostCell(run, ids.atomic())
                + " | " + lostCell(run, ids.nonAtomic()) + " | | |\n";
    }

    /** Lost updates per million updates, from the benchmark's two counters; each fork is one sample. */
    static String lostCell(ResultSet run, String id) {
        if (run.result(id).isEmpty()) {
            return "not run";
        }
        Optional<AuxCounter> lost = run.counter(id, AtomicPair.LOST);
        Optional<AuxCounter> updates = run.counter(id, AtomicPair.UPDATES);
        if (lost.isEmpty() || updates.isEmpty() || !(updates.get().total() > 0)) {
            return "no counters `" + AtomicPair.LOST + "`, `" + AtomicPair.UPDATES + "`";
        }
        double perMillion = lost.get().total() / updates.get().total() * MILLION;
        String counts = " (" + Precision.number(lost.get().total(), 0) + " of "
                + Precision.number(updates.get().total(), 0) + ")";
        if (lost.get().total() == 0) {
            return "0" + counts;
        }
        Interval interval = Bootstrap.ratio(lost.get().forkTotals(), updates.get().forkTotals(), "lost " + id)
                .map(i -> new Interval(i.low() * MILLION, i.high() * MILLION)).orElse(null);
        return Precision.withIntervalMarked(perMillion, "", interval) + counts;
    }

    private static String idsText(AtomicPair.Ids ids) {
        return "`" + ids.atomic() + "` / `" + ids.nonAtomic() + "`";
    }
}
