/**
 * The unevictable-LRU putback of Linux 2.6.31/2.6.32, reduced to what race 003 needs: the missing
 * {@code smp_mb()} in {@code putback_lru_page()} (fixed by 6a7b95481d49, "vmscan: order evictable
 * rescue in LRU putback").
 *
 * <p>Two paths meet on one page without the page lock:
 * <ul>
 *   <li>{@link dev.pageflags.mm.v2_6_32.Vmscan#putbackLruPage putbackLruPage}: an isolator finds the
 *       page mlocked, puts it on the unevictable list (setting PG_lru under the lru lock), drops the
 *       lock, and looks at PG_mlocked once more to rescue a page that became evictable meanwhile;</li>
 *   <li>{@link dev.pageflags.mm.v2_6_32.Mlock#munlockVmaPage munlockVmaPage} (the seed's patch adds
 *       the same three steps to {@code zap_pte_range()}): {@code TestClearPageMlocked}, then
 *       {@code isolate_lru_page()}, whose first look at PG_lru takes no lock.</li>
 * </ul>
 * Each side writes one fact and then reads the other's: the store-buffering (Dekker) shape. If
 * both reads miss, the page stays on the unevictable list with PG_mlocked clear, for ever.
 *
 * <p>Where the two facts live is part of the model ({@link dev.pageflags.mm.v2_6_32.FlagLayout}),
 * because it decides whether the race exists at all: the seed's question, "They go to the same
 * word... Help."
 *
 * <p>Names, locks and the order of steps follow mm/vmscan.c, mm/swap.c and mm/mlock.c of that era.
 * Left out, each said where: the per-CPU pagevec in front of the evictable lists, memcg, the
 * mapping's AS_UNEVICTABLE test in {@code page_evictable()}, and {@code try_to_munlock()}'s rmap walk.
 */
package dev.pageflags.mm.v2_6_32;
