/**
 * The 4.2 paths of race 001: {@code try_to_unmap_one()} setting PG_mlocked after it dropped the
 * pte lock, against {@code munlock_vma_pages_all()} from {@code exit_mmap()} (Vlastimil Babka's
 * race) and against truncation's {@code zap_pte_range()} ("Bad page state (mlocked)").
 *
 * <p>The fix, commit b87537d9 ("mm: rmap use pte lock not mmap_sem to set PageMlocked", 4.3), is
 * the {@link dev.pageflags.mm.Variant} branch in
 * {@link dev.pageflags.mm.vmscan.RmapCommon#tryToUnmapOne}, shared with the 3.13 model because the
 * code around it is the same text in both eras. This package holds what 4.2 has of its own: the
 * batched munlock ({@link dev.pageflags.mm.v4_2.Mlock}), {@code follow_page_mask()}
 * ({@link dev.pageflags.mm.v4_2.Gup}), the zap and its TLB batch
 * ({@link dev.pageflags.mm.v4_2.Memory}, {@link dev.pageflags.mm.v4_2.MmuGather}) and the anon rmap
 * walk ({@link dev.pageflags.mm.v4_2.Rmap}).
 */
package dev.pageflags.mm.v4_2;
