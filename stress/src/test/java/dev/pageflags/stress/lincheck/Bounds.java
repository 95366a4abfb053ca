package dev.pageflags.stress.lincheck;

/**
 * How many interleavings a check may try. Each invocation builds a fresh mem_map and runs both
 * actors under Lincheck's instrumentation, tens of milliseconds on these 2-core machines, so the
 * bound is what keeps all checks within their share of {@code mvn verify}. Raise it with
 * {@code -Dlincheck.invocations=N} on a bigger machine; the verdicts file gives, per check, the
 * invocations explored beside the bound, and whether exploration finished before it.
 */
final class Bounds {
    /**
     * Broken variants stop at their first violation, within a few dozen invocations on JDK 17
     * (8 to 36 measured); the bound only caps a silent miss, which then fails the test.
     */
    static final int BROKEN = Integer.getInteger("lincheck.brokenInvocations", 300);

    /** Fixed variants and 003's shapes: the number of interleavings explored unless exploration completes first. */
    static final int FIXED = Integer.getInteger("lincheck.invocations", 200);

    private Bounds() {
    }
}
