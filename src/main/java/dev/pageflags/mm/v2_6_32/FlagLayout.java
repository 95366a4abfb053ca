package dev.pageflags.mm.v2_6_32;

/**
 * Where race 003's two facts live: PG_lru, which {@code isolate_lru_page()} reads without the lru
 * lock, and PG_mlocked, which {@code putback_lru_page()} reads after dropping it.
 *
 * <p>The layout decides two things:
 * <ol>
 *   <li>whether both facts share one word, so that coherence orders every access to them;</li>
 *   <li>how the bits the lru lock guards (PG_lru, PG_unevictable, PG_active when a page joins a
 *       list) are written. A word that other paths update concurrently needs an atomic
 *       read-modify-write; a word only the lru lock's holder writes can take a single store.</li>
 * </ol>
 * In the kernel's layout the first forces the second. With PG_mlocked moved out, either write is
 * possible: {@link #SEPARATE_WORDS} takes the store, which shows LKMM's missing ordering on x86;
 * {@link #SEPARATE_WORDS_SET_BIT} keeps the kernel's {@code set_bit}, which shows it only where the
 * hardware's atomic RMW is unordered.
 */
public enum FlagLayout {
    /**
     * The kernel's layout: PG_lru and PG_mlocked are bits of {@code page->flags}.
     *
     * <p>The munlocker's {@code TestClearPageMlocked} writes that word without the lru lock, so
     * every write of it must be an atomic read-modify-write ({@code set_bit}), as in the kernel.
     * Then the race cannot happen, barrier or not: the two RMWs are ordered in the word's coherence
     * order, the second one reads the first one's result (RMW atomicity), and the second side's
     * later read of the word cannot see an older value than its own RMW (coherence). So whichever
     * side writes second also sees the other side's write. That answers the seed's "They go to the
     * same word... Help.": for bits of one word, the unlock did not need a barrier after it.
     */
    SAME_WORD(0, true),

    /**
     * PG_mlocked moved to a word of its own: the next word of the same struct page. Like
     * {@code AS_UNEVICTABLE} in {@code mapping->flags}, which {@code page_evictable()} also tests and
     * which the putback comment later named beside PG_mlocked ("The other side is
     * TestClearPageMlocked() or shmem_lock()"), it is a different location from PG_lru's word.
     * Coherence orders accesses per location, not per cache line, so sharing struct page's line
     * does not relate the two facts: only a full barrier on each side does (the munlocker's fully
     * ordered test-and-clear, and the fix's smp_mb()). The shared line is still realistic, and it
     * makes page->flags bounce between the two CPUs, as it does in the kernel.
     *
     * <p>Here the munlocker never writes {@code page->flags}; every write of it while others can
     * reach the page happens under the lru lock, or by the page's isolator while the page is off
     * the LRU and so out of everybody else's reach. The lru-lock bits are therefore written with a
     * single store ({@code WRITE_ONCE}). That is the ordering LKMM gives {@code set_bit}: none
     * ({@code Documentation/atomic_bitops.txt}: non-value-returning atomics are unordered), so a
     * later load may be satisfied before the store is visible. On x86 every atomic RMW is a
     * LOCK-prefixed full barrier, the kernel's {@code set_bit} as much as any Java RMW, and it would
     * hide the store buffering; the single store keeps what LKMM promises and no more. This layout
     * is hypothetical: the kernel never had it, and no source says on which machine the unfixed
     * kernel, with its real layout, lost a page.
     */
    SEPARATE_WORDS(1, false),

    /**
     * PG_mlocked in the next word, as {@link #SEPARATE_WORDS}, but the lru-lock bits written as the
     * kernel writes them in every layout: {@code SetPageLRU} is {@code set_bit}, an atomic RMW that
     * LKMM leaves unordered ({@link dev.pageflags.mm.Bitops#setBit}, a release-mode CAS: no
     * ordering against a later load either). Where the hardware's atomic RMW may be unordered
     * (arm64: the kernel's {@code set_bit} is, and a release-mode CAS promises no more), this is the
     * separate-word layout with the kernel's own operation instead of the store that stands in for
     * it. On x86 it would never show the store buffering: every Java CAS is a {@code lock cmpxchg},
     * a full barrier, as the kernel's {@code lock bts} is. Hypothetical as well, and untested on
     * these x86 machines: race 003's set_bit test runs only on aarch64.
     */
    SEPARATE_WORDS_SET_BIT(1, true);

    /** PG_mlocked's word, as an offset from page->flags. */
    final int mlockedWord;
    /** Whether the lru-lock bits are written with atomic RMWs (set_bit / clear_bit) rather than one store. */
    final boolean atomicLruBits;

    FlagLayout(int mlockedWord, boolean atomicLruBits) {
        this.mlockedWord = mlockedWord;
        this.atomicLruBits = atomicLruBits;
    }
}
