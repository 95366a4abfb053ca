/**
 * Linux 5.18's mlock rework (Hugh Dickins, 2022), reduced to what race 002 needs: a page counts
 * its mlocked mappings in {@code page->mlock_count}, and the mlock(2) walk must not count a page
 * twice when page migration maps it into the vma at the same moment.
 *
 * <ul>
 *   <li>{@link dev.pageflags.mm.v5_18.Mlock}: the per-page half of {@code mm/mlock.c}
 *       ({@code mlock_folio()}, {@code munlock_page()}, {@code __mlock_page()},
 *       {@code __munlock_page()}), which keeps {@code mlock_count} under the lru lock;</li>
 *   <li>{@link dev.pageflags.mm.v5_18.MlockVma}: {@code mm/internal.h}'s {@code mlock_vma_page()},
 *       the test rmap users make before mlocking a page they map into a vma;</li>
 *   <li>{@link dev.pageflags.mm.v5_18.MlockWalk}: the vma half of {@code mm/mlock.c}
 *       ({@code mlock_fixup()}, {@code mlock_vma_pages_range()}, {@code mlock_pte_range()});</li>
 *   <li>{@link dev.pageflags.mm.v5_18.Rmap} and {@link dev.pageflags.mm.v5_18.Migrate}: the
 *       racer, {@code remove_migration_pte()} and the {@code page_add_anon_rmap()} it calls.</li>
 * </ul>
 *
 * <p>The fix, Hugh Dickins' VM_IO guard from "mm/munlock: mlock_pte_range() when mlocking or
 * munlocking" (acked in seed 002), is two {@link dev.pageflags.mm.Variant} branches: the VM_IO
 * publish and clear around the walk in {@code MlockWalk.mlockVmaPagesRange}, and the VM_SPECIAL
 * test in {@code MlockVma.mlockVmaPage}. Everything else runs the same in both variants. The guard
 * was part of the patch that introduced the walk, so the broken variant (the walk without it) is
 * the race the patch guarded against, not code any kernel released.
 *
 * <p>Left out, the same in both variants, because the race does not read them:
 * <ul>
 *   <li>folios and THPs: every folio is one small page, so {@code page_folio()} is the page itself,
 *       {@code PageTransCompound()} is false and the {@code compound} arguments are gone;</li>
 *   <li>the per-CPU {@code mlock_pvec}: each {@code mlock_folio()} / {@code munlock_page()} drains
 *       its one-entry pagevec at once, as the kernel does when the pagevec is full or the LRU cache
 *       is disabled, so the pagevec's extra page reference (taken and released around the drain)
 *       is left out too;</li>
 *   <li>the lru_add pagevecs ({@code lru_add_drain()} has nothing to drain), memcg (one lruvec),
 *       the vm event counters ({@code count_vm_events(UNEVICTABLE_*)}), {@code mm->locked_vm},
 *       vma merging and splitting, and the page-table levels above one table of ptes;</li>
 *   <li>{@code AS_UNEVICTABLE}: the pages are anonymous, so {@code page_evictable()} is
 *       {@code !PageMlocked}.</li>
 * </ul>
 */
package dev.pageflags.mm.v5_18;
