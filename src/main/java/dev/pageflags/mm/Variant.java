package dev.pageflags.mm;

/**
 * Which side of a race's fix a piece of era-specific kernel code follows.
 *
 * <p>Each race's code path is written once; the few lines its fix changed branch on this value,
 * so the broken and the fixed variant cannot drift apart anywhere else.
 */
public enum Variant {
    /**
     * The code without the fix: as released when the race was reported (races 000, 001, 003,
     * 004). For race 002 it is Hugh Dickins' 5.18 mlock series with the VM_IO guard of its own
     * patch 07/13 taken out: the guard came with the code it guards, so this variant never shipped.
     */
    BROKEN,
    /** The code with the fix applied, as it went into the kernel (for race 002, the series as 5.18 shipped it). */
    FIXED;

    public boolean isFixed() {
        return this == FIXED;
    }
}
