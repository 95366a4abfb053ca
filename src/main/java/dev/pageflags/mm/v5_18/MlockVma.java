package dev.pageflags.mm.v5_18;

import dev.pageflags.mm.Page;
import dev.pageflags.mm.Variant;
import dev.pageflags.mm.Vma;

import static dev.pageflags.mm.VmFlags.VM_LOCKED;
import static dev.pageflags.mm.VmFlags.VM_SPECIAL;

/**
 * {@code mm/internal.h}'s {@code mlock_vma_page()}: what an rmap user does when it maps a page
 * into a vma, holding the pte lock but possibly not mmap_lock. It acts on the vma's flags as it
 * reads them, once.
 *
 * <p>This is one of the two places race 002's fix touched: the fixed variant declines a vma that
 * also has a VM_SPECIAL flag, because VM_LOCKED together with VM_IO is {@code mlock_fixup()}'s
 * signal that its own walk is about to count this page.
 */
public final class MlockVma {
    private final Variant variant;

    public MlockVma(Variant variant) {
        this.variant = variant;
    }

    public Variant variant() {
        return variant;
    }

    /**
     * {@code mlock_vma_page(page, vma, compound)} (5.18 spells it {@code mlock_vma_folio()} and keeps
     * this name as a wrapper). Called at the end of {@code page_add_anon_rmap()} and
     * {@code page_add_file_rmap()}.
     */
    public void mlockVmaPage(Page page, Vma vma) {
        long vmFlags = vma.vmFlags(); // one READ_ONCE-like load: mmap_lock is not held here
        boolean mlock;
        if (variant.isFixed()) {
            // VM_SPECIAL (VM_IO during mlock_vma_pages_range()): that walk counts this page itself.
            // The seed's patch tested VM_IO; 5.18 shipped the wider VM_SPECIAL test.
            mlock = (vmFlags & (VM_LOCKED | VM_SPECIAL)) == VM_LOCKED;
        } else {
            mlock = (vmFlags & VM_LOCKED) != 0;
        }
        if (mlock) {
            Mlock.mlockFolio(page);
        }
    }
}
