package dev.pageflags.bench.report;

import java.util.List;

/**
 * An {@code @AuxCounters(EVENTS)} field as JMH reports it: a count summed over the benchmark's
 * threads, per iteration.
 *
 * @param unit       JMH's unit for it ("#")
 * @param total      the count over every measured iteration of every fork
 * @param forkTotals the count over each fork's measured iterations, in fork order
 */
public record AuxCounter(String unit, double total, List<Double> forkTotals) {
    public AuxCounter {
        forkTotals = List.copyOf(forkTotals);
    }
}
