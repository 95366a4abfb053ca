package dev.pageflags.bench.report;

/**
 * An atomic flag operation against its non-atomic twin ({@code set_bit} and {@code __set_bit}),
 * measured where they differ: latency on one word (a store-to-load chain), throughput over
 * independent words (where plain read-modify-writes overlap and locked ones cannot), and the
 * updates the non-atomic one loses when two threads change two bits of one word.
 *
 * @param name        the pair as the table names it
 * @param latency     the two benchmark ids of the one-word latency measure
 * @param throughput  the two ids of the independent-words measure
 * @param lostUpdates the two ids of the two-thread measure; each counts {@link #LOST} and
 *                    {@link #UPDATES} with {@code @AuxCounters(EVENTS)}
 */
public record AtomicPair(String name, Ids latency, Ids throughput, Ids lostUpdates) {
    /** The counter of updates found lost (a bit the thread set, cleared by the other thread's write). */
    public static final String LOST = "lost";
    /** The counter of updates made, the denominator of "per million". */
    public static final String UPDATES = "updates";

    /** The atomic and the non-atomic benchmark of one measure. */
    public record Ids(String atomic, String nonAtomic) {
    }
}
