package dev.pageflags.mm;

/** {@code struct mm_struct}, reduced to its {@code mmap_sem}. */
public final class MmStruct {
    private final RwSemaphore mmapSem = new RwSemaphore();

    /** {@code mm->mmap_sem} (renamed {@code mmap_lock} in 5.8). */
    public RwSemaphore mmapSem() {
        return mmapSem;
    }
}
