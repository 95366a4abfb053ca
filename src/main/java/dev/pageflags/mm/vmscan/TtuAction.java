package dev.pageflags.mm.vmscan;

/** {@code TTU_ACTION(flags)} of {@code enum ttu_flags}: what an rmap walk is for. */
public enum TtuAction {
    /** Reclaim: unmap the page from every pte. */
    TTU_UNMAP,
    /** {@code try_to_munlock()}: find a VM_LOCKED vma and mlock the page again; unmap nothing. */
    TTU_MUNLOCK
}
