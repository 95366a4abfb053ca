package dev.pageflags.stress.harness;

/**
 * A request the suite cannot honour as given: an unknown budget, a malformed scenario, a selection
 * that matched nothing, a test that cannot fail. The message is shown to the user as is, so it says
 * what was wrong and what would be right.
 */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
