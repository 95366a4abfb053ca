package dev.pageflags.mm;

/**
 * The model's {@code BUG()}: a kernel invariant was broken ({@code VM_BUG_ON_PAGE},
 * {@code VM_BUG_ON_PGFLAGS}). The message names the page, the flag and the operation.
 */
public final class PageFlagsBug extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PageFlagsBug(String message) {
        super(message);
    }
}
