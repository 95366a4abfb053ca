package dev.pageflags.stress.lincheck;

/**
 * What one bounded Lincheck exploration of a race found.
 *
 * @param bound          the invocation bound given to Lincheck (interleavings it may try)
 * @param runs           how many times the block ran; on a violation this includes Lincheck's
 *                       re-runs of the failing interleaving to collect its trace
 * @param violationFound whether some interleaving left the race's bad end state
 * @param report         Lincheck's failure report (the interleaving, step by step), or null
 * @param millis         wall-clock time of the exploration
 */
record Exploration(int bound, int runs, boolean violationFound, String report, long millis) {

    /**
     * Whether Lincheck ran out of interleavings before reaching the bound: every interleaving its
     * model checker generates for this scenario was tried. False when the bound cut it short, or
     * when the run count is unknown.
     */
    boolean complete() {
        return !violationFound && runs > 0 && runs < bound;
    }

    /** One line for logs and verdict notes. */
    String summary() {
        if (violationFound) {
            return "violation found within " + runs + " runs (bound " + bound + "), " + millis + " ms";
        }
        String explored = runs > 0 ? runs + " interleavings explored" : "interleavings explored: unknown";
        return explored + " (bound " + bound + ", " + (complete() ? "exploration complete" : "bound reached")
                + "), no violation, " + millis + " ms";
    }
}
