package dev.pageflags.stress.lincheck;

/**
 * Counts, from inside the explored block, how many invocations Lincheck ran before the first one
 * that reached the race's bad end state.
 *
 * <p>Lincheck 3.6 has no public count of the invocations it explored, and its block runs more
 * often than it explores: once it has a failing invocation it replays it to collect the trace.
 * So every run appends {@link #RUN} and a failing run appends {@link #VIOLATION} before it throws;
 * the runs up to the first violation are the invocations explored, the ones after it replays.
 * A spin-cycle replay (Lincheck re-runs an invocation in which it found active waiting) is counted
 * like any invocation, as Lincheck counts it against the bound.
 *
 * <p>Why a {@link StringBuilder}: Lincheck restores every non-final field and array cell the
 * analysed code wrote once an invocation ends, so an ordinary counter reads 0 afterwards; a
 * StringBuilder keeps its state inside {@code java.lang}, which it neither instruments nor
 * restores. Measured with Lincheck 3.6 on JDK 17: a passing run of bound N appends exactly N runs.
 */
final class InvocationTally {
    private static final char RUN = '.';
    private static final char VIOLATION = '!';

    private final StringBuilder marks = new StringBuilder();

    void runStarted() {
        marks.append(RUN);
    }

    void violationFound() {
        marks.append(VIOLATION);
    }

    /** Invocations explored: every run if none failed, else the runs up to and including the first failing one. */
    int explored() {
        int firstViolation = marks.indexOf(String.valueOf(VIOLATION));
        String explored = firstViolation < 0 ? marks.toString() : marks.substring(0, firstViolation);
        return (int) explored.chars().filter(c -> c == RUN).count();
    }

    /** Every run of the block, replays included. */
    int runs() {
        return (int) marks.chars().filter(c -> c == RUN).count();
    }
}
