/**
 * The unevictable-LRU and rmap code that reads the same in the 3.13 and the 4.2 kernels, shared by
 * the models of races 000 ({@code dev.pageflags.mm.v3_13}) and 001 ({@code dev.pageflags.mm.v4_2}).
 *
 * <p>Only what is the same text in both trees lives here: {@code isolate_lru_page()},
 * {@code putback_lru_page()} with its {@code smp_mb()}, {@code lru_cache_add()},
 * {@code add_page_to_unevictable_list()}, {@code mlock_vma_page()}, {@code clear_page_mlock()},
 * {@code page_remove_rmap()}'s mlock half and {@code try_to_unmap_one()}'s mlock half. The era
 * packages hold what differs: 3.13's {@code munlock_vma_page()} and nonlinear cluster scan, 4.2's
 * pagevec munlock and {@code zap_pte_range()}.
 *
 * <p>{@code try_to_unmap_one()} carries race 001's fix (commit b87537d9, merged for 4.3) as a
 * {@link dev.pageflags.mm.Variant} branch; the 3.13 model always runs it as
 * {@link dev.pageflags.mm.Variant#BROKEN}, which is what 3.13 shipped.
 *
 * <p>Left out everywhere, because no race here reads them: memcg, THP ({@code hpage_nr_pages()} is
 * 1), the {@code AS_UNEVICTABLE} mapping flag (so {@code page_evictable()} is {@code !PageMlocked}),
 * and the per-CPU vm event counters except UNEVICTABLE_PGMLOCKED (see {@link MlockCommon}).
 */
package dev.pageflags.mm.vmscan;
