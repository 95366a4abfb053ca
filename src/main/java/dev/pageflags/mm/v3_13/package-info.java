/**
 * The 3.13 paths of race 000: {@code mlock_vma_page()} and {@code munlock_vma_page()} running at
 * once on one page, because the nonlinear-vma cluster scan of {@code try_to_unmap_cluster()}
 * mlocked pages it did not hold locked.
 *
 * <p>The fix, commit 57e68e9cd65b ("mm: try_to_unmap_cluster() should lock_page() before
 * mlocking", 3.15, Cc stable), is the {@link dev.pageflags.mm.Variant} branch in
 * {@link dev.pageflags.mm.v3_13.Rmap#tryToUnmapCluster}: trylock the page, skip it when busy.
 * Everything else is the 3.13 text, shared with 4.2 where the text is the same
 * ({@link dev.pageflags.mm.vmscan}).
 *
 * <p>{@code munlock_vma_page()} is the v3.13 release's: TestClearPageMlocked, then
 * {@code isolate_lru_page()}, which takes the lru lock by itself; the version Linus Torvalds
 * quoted. Commit 01cc2e58697e (3.14) later moved the TestClear under the lru lock; that does not
 * close the race, because the mlocker's TestSet takes no lock at all.
 */
package dev.pageflags.mm.v3_13;
