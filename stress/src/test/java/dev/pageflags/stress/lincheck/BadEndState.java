package dev.pageflags.stress.lincheck;

/**
 * Thrown inside a Lincheck invocation when a race left its bad end state behind.
 *
 * <p>Lincheck's general-purpose checker reports any exception of the explored block as a failure;
 * a type of our own lets the driver tell "the race's invariant broke" apart from every other
 * failure Lincheck can report (a hang, a livelock, a bug in the model), which must not be counted
 * as the race being found.
 */
final class BadEndState extends AssertionError {
    private static final long serialVersionUID = 1L;

    BadEndState(String endState) {
        super(endState);
    }
}
