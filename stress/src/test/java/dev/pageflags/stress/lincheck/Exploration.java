package dev.pageflags.stress.lincheck;

/**
 * What one bounded Lincheck exploration of a race found.
 *
 * @param bound          the invocation bound given to Lincheck
 * @param explored       invocations Lincheck ran before it stopped: on a violation, up to and
 *                       including the failing one (its trace replays are not counted)
 * @param runs           every run of the block, trace replays included
 * @param violationFound whether some interleaving left the race's bad end state
 * @param report         Lincheck's failure report (the interleaving, step by step), or null
 * @param otherFailure   a failure Lincheck reported that is not the race's bad end state (a hang,
 *                       an exception of the model), or null
 * @param millis         wall-clock time of the exploration
 */
record Exploration(int bound, int explored, int runs, boolean violationFound, String report,
                   Throwable otherFailure, long millis) {

    /**
     * Lincheck ran out of interleavings before the bound: every interleaving its model checker
     * generates for this scenario was tried. Never true when the run stopped at a violation, an
     * other failure, or the bound.
     */
    boolean complete() {
        return !violationFound && otherFailure == null && explored > 0 && explored < bound;
    }

    /** One line for logs and verdict notes. */
    String summary() {
        if (otherFailure != null) {
            return "Lincheck failed for another reason after " + explored + " of at most " + bound
                    + " invocations: " + otherFailure.getClass().getSimpleName() + ", " + millis + " ms";
        }
        if (violationFound) {
            return "violation found at invocation " + explored + " (bound " + bound + "; the block ran " + runs
                    + " times with Lincheck's replays of it), " + millis + " ms";
        }
        return explored + " invocations explored (bound " + bound + ", "
                + (complete() ? "exploration complete" : "bound reached") + "), no violation, " + millis + " ms";
    }
}
