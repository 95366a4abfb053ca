package dev.pageflags.mm.vmscan;

/** The {@code SWAP_*} results of the 3.x-4.x rmap walkers ({@code include/linux/rmap.h}). */
public enum SwapResult {
    /** Every mapping is gone (try_to_unmap), or no VM_LOCKED vma maps the page (try_to_munlock). */
    SWAP_SUCCESS,
    /** Keep going / try again later. */
    SWAP_AGAIN,
    /** Could not unmap (recently referenced, ...). */
    SWAP_FAIL,
    /** A VM_LOCKED vma maps the page and the walker mlocked it. */
    SWAP_MLOCK
}
