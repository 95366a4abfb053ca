package dev.pageflags.stress.harness.report;

/**
 * Input the merge cannot use: a missing or malformed file, a refused run, runs of different test sets,
 * an unusable output directory, a bad option. The message is printed as is, so it names the file and
 * says what was wrong with it.
 */
public final class MergeException extends Exception {
    private static final long serialVersionUID = 1L;

    public MergeException(String message) {
        super(message);
    }
}
