package dev.pageflags.mm;

/** The {@code vm_flags} bits the races read, with the kernel's values. */
public final class VmFlags {
    public static final long VM_READ = 0x00000001L;
    public static final long VM_WRITE = 0x00000002L;
    public static final long VM_EXEC = 0x00000004L;
    public static final long VM_SHARED = 0x00000008L;
    public static final long VM_LOCKED = 0x00002000L;
    public static final long VM_IO = 0x00004000L;
    public static final long VM_DONTEXPAND = 0x00040000L;
    public static final long VM_NONLINEAR = 0x00800000L;
    public static final long VM_MIXEDMAP = 0x10000000L;
    public static final long VM_PFNMAP = 0x00000400L;
    /** Mappings mlock must leave alone; VM_IO is the one 5.18 borrowed to fence off its walk. */
    public static final long VM_SPECIAL = VM_IO | VM_DONTEXPAND | VM_PFNMAP | VM_MIXEDMAP;

    private VmFlags() {
    }

    /** The set bits by name, e.g. {@code "VM_READ|VM_LOCKED"}. */
    public static String describe(long flags) {
        StringBuilder sb = new StringBuilder();
        append(sb, flags, VM_READ, "VM_READ");
        append(sb, flags, VM_WRITE, "VM_WRITE");
        append(sb, flags, VM_EXEC, "VM_EXEC");
        append(sb, flags, VM_SHARED, "VM_SHARED");
        append(sb, flags, VM_PFNMAP, "VM_PFNMAP");
        append(sb, flags, VM_LOCKED, "VM_LOCKED");
        append(sb, flags, VM_IO, "VM_IO");
        append(sb, flags, VM_DONTEXPAND, "VM_DONTEXPAND");
        append(sb, flags, VM_NONLINEAR, "VM_NONLINEAR");
        append(sb, flags, VM_MIXEDMAP, "VM_MIXEDMAP");
        return sb.length() == 0 ? "0" : sb.toString();
    }

    private static void append(StringBuilder sb, long flags, long bit, String name) {
        if ((flags & bit) != 0) {
            if (sb.length() > 0) {
                sb.append('|');
            }
            sb.append(name);
        }
    }
}
