package dev.pageflags.bench.report;

import java.util.List;

/**
 * An atomic flag operation against its non-atomic twin ({@code set_bit} and {@code __set_bit}),
 * measured where they differ: latency on one word (a store-to-load chain), throughput over
 * independent words (where plain read-modify-writes overlap and locked ones cannot), and two
 * threads changing two bits of one word, where the non-atomic form loses updates.
 *
 * @param name     the operations as the table names them
 * @param measures what was measured of them, in table order
 */
public record AtomicPair(String name, List<Measure> measures) {
    /** LostUpdateBench's counter of checks that found the thread's own bit undone by the other thread. */
    public static final String LOST = "lostUpdates";
    /** LostUpdateBench's counter of set and clear operations, the denominator of "per million". */
    public static final String OPS = "ops";

    public AtomicPair {
        measures = List.copyOf(measures);
    }

    public AtomicPair(String name, Measure... measures) {
        this(name, List.of(measures));
    }

    /** What a measure times or counts, as its row says it. */
    public enum Kind {
        LATENCY("latency, one word, ns/op"),
        THROUGHPUT("throughput, independent words, ns/op"),
        CONTENDED("2 threads on two bits of one word, ns/op"),
        LOST_UPDATES("lost updates per million operations, 2 threads on two bits of one word");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /**
     * The atomic and the non-atomic benchmark of one measure, as ids ({@code Class.method}); a
     * {@link Kind#LOST_UPDATES} measure's benchmarks count {@link #LOST} and {@link #OPS} with
     * {@code @AuxCounters(EVENTS)}.
     */
    public record Measure(Kind kind, String atomic, String nonAtomic) {
        public List<String> ids() {
            return List.of(atomic, nonAtomic);
        }
    }
}
