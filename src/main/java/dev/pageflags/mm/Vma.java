package dev.pageflags.mm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * {@code struct vm_area_struct}, reduced to what the races read: its mm, its page table and
 * {@code vm_flags}.
 *
 * <p>{@code vm_flags} is written under mmap_sem/mmap_lock for writing, but rmap walkers read it
 * holding only a page-table lock. So every write here is one store of the whole word
 * ({@code WRITE_ONCE}) and every read one load ({@code READ_ONCE}): a walker sees the old flags or
 * the new ones, never a half-made mix (the compiler hazard Kirill Shutemov raised in seed 001).
 */
public final class Vma {
    private static final VarHandle VM_FLAGS;

    static {
        try {
            VM_FLAGS = MethodHandles.lookup().findVarHandle(Vma.class, "vmFlags", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final MmStruct mm;
    private final PteTable pageTable;
    @SuppressWarnings("unused") // accessed through VM_FLAGS
    private long vmFlags;

    public Vma(MmStruct mm, PteTable pageTable, long vmFlags) {
        this.mm = mm;
        this.pageTable = pageTable;
        VM_FLAGS.set(this, vmFlags);
    }

    public Vma(MmStruct mm, long vmFlags) {
        this(mm, null, vmFlags);
    }

    public MmStruct mm() {
        return mm;
    }

    /** The page table holding this vma's ptes (one table is enough for the races), or null. */
    public PteTable pageTable() {
        return pageTable;
    }

    /** {@code READ_ONCE(vma->vm_flags)}. */
    public long vmFlags() {
        return (long) VM_FLAGS.getOpaque(this);
    }

    /** {@code WRITE_ONCE(vma->vm_flags, flags)}: a single store of the whole word. */
    public void setVmFlags(long flags) {
        VM_FLAGS.setOpaque(this, flags);
    }

    @Override
    public String toString() {
        return "vma(" + VmFlags.describe(vmFlags()) + ")";
    }
}
