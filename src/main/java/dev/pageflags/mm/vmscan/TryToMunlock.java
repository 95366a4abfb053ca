package dev.pageflags.mm.vmscan;

import dev.pageflags.mm.Page;

/** An era's {@code try_to_munlock()}: the one rmap call the shared munlock code makes. */
@FunctionalInterface
public interface TryToMunlock {
    /**
     * With the page locked and isolated: mlock it again if a VM_LOCKED vma still maps it.
     *
     * @return {@link SwapResult#SWAP_MLOCK} if one did
     */
    SwapResult tryToMunlock(Page page);
}
