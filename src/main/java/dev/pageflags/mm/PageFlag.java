package dev.pageflags.mm;

/**
 * The page flags of {@code include/linux/page-flags.h}, with the kernel's names and bit numbers.
 *
 * <p>The constants keep the kernel spelling ({@code PG_locked}, not {@code PG_LOCKED}) so a kernel
 * engineer can grep the model the way they grep the tree. The numbering follows the 5.x layout;
 * the races of other eras only depend on the relative facts that still hold there: PG_locked is
 * bit 0 and PG_waiters bit 7 of the same byte, which is what lets {@code unlock_page} clear the
 * lock and learn about waiters with one locked instruction.
 *
 * <p>Every flag gets the same helper family ({@link Page#test}, {@link Page#set}, {@link Page#testSet},
 * {@link Page#__clear}, ...), as the kernel's PAGEFLAG macros generate them from this one table.
 */
public enum PageFlag {
    PG_locked(0, "Locked"),
    PG_referenced(1, "Referenced"),
    PG_uptodate(2, "Uptodate"),
    PG_dirty(3, "Dirty"),
    PG_lru(4, "LRU"),
    PG_active(5, "Active"),
    PG_workingset(6, "Workingset"),
    /** Someone sleeps on this page's wait queue; must stay in PG_locked's byte (bit 7: the byte's sign bit). */
    PG_waiters(7, "Waiters"),
    PG_error(8, "Error"),
    PG_slab(9, "Slab"),
    PG_owner_priv_1(10, "OwnerPriv1"),
    PG_arch_1(11, "Arch1"),
    PG_reserved(12, "Reserved"),
    PG_private(13, "Private"),
    PG_private_2(14, "Private2"),
    PG_writeback(15, "Writeback"),
    PG_head(16, "Head"),
    PG_mappedtodisk(17, "MappedToDisk"),
    PG_reclaim(18, "Reclaim"),
    /** The kernel reuses PG_reclaim's bit for movable pages isolated by compaction or migration. */
    PG_isolated(18, "Isolated"),
    PG_swapbacked(19, "SwapBacked"),
    PG_unevictable(20, "Unevictable"),
    PG_mlocked(21, "Mlocked");

    private final int bit;
    private final long mask;
    private final String uname;

    PageFlag(int bit, String uname) {
        this.bit = bit;
        this.mask = 1L << bit;
        this.uname = uname;
    }

    /** The name the kernel's helpers are generated with: "Mlocked" as in TestClearPageMlocked. */
    public String uname() {
        return uname;
    }

    /** The bit number, as the kernel's {@code PG_*} enum value. */
    public int bit() {
        return bit;
    }

    /** {@code 1UL << bit}. */
    public long mask() {
        return mask;
    }

    /** The flags set in {@code word}, by kernel name, e.g. {@code "PG_locked|PG_lru"}; "0" when none. */
    public static String describe(long word) {
        StringBuilder sb = new StringBuilder();
        for (PageFlag f : values()) {
            // PG_isolated shares PG_reclaim's bit: name the bit once, the way dump_page does.
            if (f == PG_isolated) {
                continue;
            }
            if ((word & f.mask) != 0) {
                if (sb.length() > 0) {
                    sb.append('|');
                }
                sb.append(f.name());
            }
        }
        return sb.length() == 0 ? "0" : sb.toString();
    }
}
