package dev.pageflags.mm;

/**
 * Which side of a landed fix a piece of era-specific kernel code follows.
 *
 * <p>Each race's code path is written once; the few lines its fix changed branch on this value,
 * so the broken and the fixed variant cannot drift apart anywhere else.
 */
public enum Variant {
    /** The code as it was when the race was reported. */
    BROKEN,
    /** The code with the fix that landed applied. */
    FIXED;

    public boolean isFixed() {
        return this == FIXED;
    }
}
