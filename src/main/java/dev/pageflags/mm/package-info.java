/**
 * The core of the model: {@code struct page} and its flag word, the bit operations, the page lock,
 * spinlocks, vmas and page tables, shared by every race; each race's era-specific paths live in
 * the sub-packages ({@code v2_6_32}, {@code v3_13}, {@code v4_2}, {@code v5_17}, {@code v5_18},
 * {@code vmscan}).
 *
 * <h2>How each kernel ordering is written in Java</h2>
 * Everything the races can show rests on this table. The middle column is what the kernel
 * promises ({@code Documentation/atomic_bitops.txt}, {@code atomic_t.txt}, LKMM); the right column
 * is what the model does. Where the model is stronger than the promise it says so, because a
 * stronger mapping can hide a race the kernel has, and a weaker one can invent one it has not.
 *
 * <table>
 *   <caption>Kernel primitive, its promised ordering, and its Java form</caption>
 *   <tr><th>kernel</th><th>promised</th><th>model</th></tr>
 *   <tr><td>{@code test_bit}, {@code READ_ONCE}</td><td>one untorn load, no ordering</td>
 *       <td>opaque load ({@link dev.pageflags.mm.Bitops#testBit}, {@code Vma.vmFlags()})</td></tr>
 *   <tr><td>{@code WRITE_ONCE}</td><td>one untorn store, no ordering</td>
 *       <td>opaque store ({@code Vma.setVmFlags()}, the lru-lock bits of race 003's hypothetical
 *       layout)</td></tr>
 *   <tr><td>{@code set_bit}, {@code clear_bit}</td><td>atomic, unordered (no return value)</td>
 *       <td>a CAS loop with release-mode CAS ({@link dev.pageflags.mm.Bitops#setBit}): the weakest
 *       atomic RMW Java offers. On x86 it is a {@code lock cmpxchg}, a full barrier, like the
 *       kernel's {@code lock bts}/{@code lock or}; so on x86 neither can show what "unordered"
 *       allows (race 003's kernel-layout test says this)</td></tr>
 *   <tr><td>{@code test_and_set_bit}, {@code test_and_clear_bit} that change the bit</td>
 *       <td>atomic, fully ordered (as if {@code smp_mb()} before and after)</td>
 *       <td>volatile {@code compareAndExchange} loop: a volatile RMW takes part in Java's total
 *       synchronisation order, which is what "fully ordered" needs</td></tr>
 *   <tr><td>{@code test_and_set_bit} on a set bit, {@code test_and_clear_bit} on a clear one
 *       (the operation "fails")</td>
 *       <td>unordered: {@code atomic_bitops.txt} counts a test_and_{}_bit that leaves the bit
 *       unchanged as a failed conditional RMW, and those carry no ordering (the 2.6.32 and 3.x
 *       documents still called every value-returning bitop fully ordered)</td>
 *       <td>stronger: one volatile load and no store ({@link dev.pageflags.mm.Bitops#testAndSetBit}).
 *       A volatile load orders later accesses after it, which LKMM does not promise here; on x86
 *       the kernel's {@code lock bts} is a full barrier even when it fails. No race of this suite
 *       needs the failed case to be weaker: in each, the test-and-set or test-and-clear that
 *       matters succeeds</td></tr>
 *   <tr><td>{@code test_and_set_bit_lock} ({@code trylock_page})</td><td>acquire on success; a
 *       failed attempt (bit already set) promises nothing</td>
 *       <td>a fetch-or with acquire ordering ({@link dev.pageflags.mm.Bitops#testAndSetBitLock}: the
 *       loop of {@code VarHandle.getAndBitwiseOrAcquire}, a plain load for the expected value, then
 *       {@code compareAndExchangeAcquire} until it succeeds), after x86's kernel, where it is one
 *       {@code lock bts} with no read before it. The read-modify-write is done whether or not the
 *       bit is set (a failed attempt writes the same word back), and its read is an acquire: so a
 *       failed attempt is an acquire too, stronger than LKMM, as x86's {@code lock bts} (a full
 *       barrier) is; on x86 the loop is a {@code lock cmpxchg}, also a full barrier. asm-generic's
 *       form, which returns after a plain {@code READ_ONCE} on a set bit, is not modelled</td></tr>
 *   <tr><td>{@code clear_bit_unlock}</td><td>release</td><td>release-mode CAS loop</td></tr>
 *   <tr><td>{@code clear_bit_unlock_is_negative_byte} ({@code unlock_page})</td>
 *       <td>release; returns bit 7 of the byte as it was</td>
 *       <td>one {@code getAndAdd(-mask)} ({@code lock xadd}; x86's kernel has {@code lock andb}): the
 *       bit is known to be set, so subtracting clears it, and the old value answers for PG_waiters
 *       in the same access. Volatile, so stronger than release. {@code unlock_page} checks that
 *       PG_locked is set only in debug mode, as {@code VM_BUG_ON_PAGE} is compiled only with
 *       CONFIG_DEBUG_VM</td></tr>
 *   <tr><td>{@code __set_bit}, {@code __clear_bit}, {@code __test_and_*}</td>
 *       <td>not atomic: a plain read-modify-write of the word</td>
 *       <td>an opaque load of the whole word, then an opaque store of it
 *       ({@link dev.pageflags.mm.Bitops#__clearBit}). The window between them is wider than
 *       x86's: there the kernel emits one unlocked instruction on memory ({@code btr},
 *       {@code and}), whose load and store cannot be split by an interrupt or preemption and sit
 *       a few cycles apart; the model's two accesses are separate instructions that the thread
 *       can be descheduled between. C lets a compiler do the same (the generic
 *       {@code __clear_bit} is {@code *p &= ~mask}), so the model shows what the source allows,
 *       at a rate x86 hardware would not reach (race 004)</td></tr>
 *   <tr><td>{@code spin_lock} / {@code spin_unlock}</td><td>acquire / release</td>
 *       <td>{@link dev.pageflags.mm.SpinLock}: acquire-mode CAS to take it, {@code setRelease}
 *       (a plain {@code mov} on x86) to drop it. Never {@code synchronized}: a monitor exit is
 *       often a locked instruction on x86, a full barrier that {@code spin_unlock} does not have,
 *       and it would hide race 003's store buffering</td></tr>
 *   <tr><td>{@code smp_mb()}, {@code smp_mb__before_atomic()}, {@code smp_mb__after_atomic()}</td>
 *       <td>full barrier</td>
 *       <td>{@code VarHandle.fullFence()} ({@link dev.pageflags.mm.Barriers})</td></tr>
 *   <tr><td>per-CPU vm counters ({@code NR_MLOCK}, {@code UNEVICTABLE_*})</td>
 *       <td>no ordering</td>
 *       <td>one atomic each ({@link dev.pageflags.mm.VmStat}): a locked add on x86, stronger;
 *       it can hide a reordering, never create one, and in every race the counter update sits
 *       next to a fully ordered bit operation anyway</td></tr>
 * </table>
 *
 * <p>HotSpot has no single-instruction fetch-or or fetch-and (its {@code getAndBitwiseOr} is a CAS
 * loop too): every atomic set or clear above is a load plus a {@code lock cmpxchg} loop where the
 * kernel has one {@code lock}-prefixed instruction. Only {@code getAndAdd} ({@code lock xadd}) and {@code getAndSet} ({@code xchg}) are
 * single instructions, which is why {@code unlock_page} is written with {@code getAndAdd}. The
 * benchmarks ({@code bench/}) measure the difference.
 *
 * <p>Layout: PG_locked is bit 0 and PG_waiters bit 7 of the low byte, as the kernel needs for
 * {@code clear_bit_unlock_is_negative_byte}; the other flags keep the kernel's relative order
 * ({@link dev.pageflags.mm.PageFlag}). One flag word per page, spaced like a 64-byte
 * {@code struct page} ({@link dev.pageflags.mm.MemMap}).
 *
 * <h2>Kernel names and their Java twins</h2>
 * The core keeps the kernel's spelling on purpose, so the model can be read beside the kernel source.
 *
 * <table>
 *   <caption>Kernel object or function, and the Java that models it</caption>
 *   <tr><th>kernel</th><th>Java</th><th>note</th></tr>
 *   <tr><td>{@code page-&gt;flags}, {@code mem_map}</td><td>{@code MemMap.flagWords()} ({@code AtomicLongArray}), {@code Page} (a {@code struct page *})</td><td>one word per page, packed; {@code wordsPerPage(8)} spaces them like a 64-byte {@code struct page}</td></tr>
 *   <tr><td>{@code PG_locked} ... {@code PG_mlocked}, {@code PG_isolated} (= {@code PG_reclaim}'s bit)</td><td>{@code PageFlag.PG_locked} ...</td><td>kernel spelling kept on purpose; PG_locked bit 0, PG_waiters bit 7</td></tr>
 *   <tr><td>{@code PageFoo} / {@code SetPageFoo} / {@code ClearPageFoo}</td><td>{@code page.test(PG_foo)} / {@code page.set(PG_foo)} / {@code page.clear(PG_foo)}</td><td>one definition for every flag, as the PAGEFLAG macros</td></tr>
 *   <tr><td>{@code TestSetPageFoo} / {@code TestClearPageFoo}</td><td>{@code page.testSet(PG_foo)} / {@code page.testClear(PG_foo)}</td><td>fully ordered</td></tr>
 *   <tr><td>{@code __SetPageFoo} / {@code __ClearPageFoo}</td><td>{@code page.__set(PG_foo)} / {@code page.__clear(PG_foo)}</td><td>non-atomic whole-word rewrite; checked in debug mode</td></tr>
 *   <tr><td>{@code set_bit}, {@code clear_bit}, {@code test_and_set_bit}, {@code test_and_clear_bit}, {@code test_and_set_bit_lock}, {@code clear_bit_unlock}, {@code clear_bit_unlock_is_negative_byte}, {@code __set_bit}, {@code __clear_bit}, {@code __test_and_set_bit}, {@code __test_and_clear_bit}, {@code test_bit}</td><td>{@code Bitops.setBit}, {@code clearBit}, {@code testAndSetBit}, {@code testAndClearBit}, {@code testAndSetBitLock}, {@code clearBitUnlock}, {@code clearBitUnlockIsNegativeByte}, {@code __setBit}, {@code __clearBit}, {@code __testAndSetBit}, {@code __testAndClearBit}, {@code testBit}</td><td>orderings below</td></tr>
 *   <tr><td>{@code get_page}, {@code put_page}, {@code put_page_testzero}, {@code page_ref_count}</td><td>{@code page.getPage()}, {@code putPage()}, {@code putPageTestZero()}, {@code refcount()}</td><td>freeing checks {@code PAGE_FLAGS_CHECK_AT_FREE}: "Bad page state" reports in {@code MemMap.badPages()}</td></tr>
 *   <tr><td>{@code page_mapcount}, {@code _mapcount} inc/dec</td><td>{@code page.mapcount()}, {@code incMapcount()}, {@code decMapcount()}</td><td></td></tr>
 *   <tr><td>{@code alloc_page}</td><td>{@code MemMap.allocPage()}</td><td>refcount 1, not yet visible (Hugh Dickins' safe case)</td></tr>
 *   <tr><td>{@code trylock_page}, {@code lock_page}, {@code unlock_page}</td><td>{@code Filemap.trylockPage}, {@code lockPage}, {@code unlockPage}</td><td>5.16/5.17 {@code mm/filemap.c} protocol</td></tr>
 *   <tr><td>{@code wait_on_page_bit_common} (queue half, sleep half)</td><td>{@code Filemap.queueForPageLock}, {@code Filemap.sleepOnPageLock}</td><td>split so a stress actor can queue without blocking</td></tr>
 *   <tr><td>{@code wake_up_page_bit}, {@code wake_page_function}</td><td>{@code Filemap.wakeUpPageBit}, {@code wakePageFunction}</td><td>exclusive wake-up, hand-off after {@code sysctl_page_lock_unfairness} (5) steals</td></tr>
 *   <tr><td>{@code page_wait_table}, {@code page_waitqueue()}, {@code wait_queue_head_t}, {@code struct wait_page_queue}</td><td>{@code PageWaitTable}, {@code pageWaitqueue()}, {@code WaitQueueHead}, {@code WaitPageQueue}</td><td>256 hashed queues, real {@code LockSupport.park} sleeps; the kernel's entry is on the waiter's stack, the model's is reused: one per thread for {@code lockPage}, the caller's own for {@code queueForPageLock}</td></tr>
 *   <tr><td>{@code spinlock_t} ({@code lru_lock}, {@code ptl}, {@code q-&gt;lock})</td><td>{@code SpinLock}</td><td>acquire CAS / {@code setRelease} unlock, never {@code synchronized}</td></tr>
 *   <tr><td>{@code struct lruvec}, {@code enum lru_list}, {@code page_lru}, {@code add_page_to_lru_list}, {@code del_page_from_lru_list}</td><td>{@code Lruvec}, {@code LruList}, {@code Lruvec.pageLru}, {@code addPageToLruList}, {@code delPageFromLruList}</td><td>intrusive lists, lock asserted</td></tr>
 *   <tr><td>{@code NR_MLOCK}, {@code UNEVICTABLE_*} events</td><td>{@code VmStat.Item.NR_MLOCK}, {@code VmStat.Event.*}</td><td></td></tr>
 *   <tr><td>{@code struct vm_area_struct}, {@code vm_flags}, {@code VM_LOCKED}, {@code VM_IO}, {@code VM_SPECIAL}</td><td>{@code Vma}, {@code vma.vmFlags()} / {@code setVmFlags()}, {@code VmFlags.*}</td><td>{@code READ_ONCE}/{@code WRITE_ONCE} of the whole word</td></tr>
 *   <tr><td>{@code mm_struct}, {@code mmap_sem} / {@code mmap_lock}</td><td>{@code MmStruct}, {@code RwSemaphore} ({@code downReadTrylock}, ...)</td><td></td></tr>
 *   <tr><td>page-table page, {@code pte_lockptr}, {@code set_pte_at}, {@code ptep_get_and_clear}, migration entry</td><td>{@code PteTable}, {@code ptl()}, {@code setPte}, {@code ptepGetAndClear}, {@code setMigrationEntry}</td><td></td></tr>
 *   <tr><td>{@code smp_mb()}, {@code smp_mb__after_atomic()}</td><td>{@code Barriers.smpMb()}, {@code smpMbAfterAtomic()}</td><td>{@code VarHandle.fullFence()}</td></tr>
 *   <tr><td>{@code BUG()}, {@code VM_BUG_ON_PAGE}</td><td>{@code PageFlagsBug}</td><td></td></tr>
 * </table>
 *
 * <h2>Each race's paths</h2>
 * Each race's code lives in a package named after the release it follows.
 *
 * <table>
 *   <caption>Kernel function of the era, its Java twin, and the package</caption>
 *   <tr><th>kernel (era)</th><th>Java</th><th>package</th></tr>
 *   <tr><td>{@code isolate_movable_page}, {@code putback_movable_page(s)}, {@code __ClearPageIsolated} / {@code ClearPageIsolated} (5.17)</td><td>{@code Migrate.isolateMovablePage}, {@code putbackMovablePage(s)}, {@code IsolatedPageFlag.clearPageIsolated(page, variant)}</td><td>{@code v5_17}</td></tr>
 *   <tr><td>balloon {@code isolate_page} / {@code putback_page} callbacks</td><td>{@code BalloonDevInfo}, {@code MovableOperations}</td><td>{@code v5_17}</td></tr>
 *   <tr><td>{@code mlock_vma_page}, {@code clear_page_mlock}, {@code __munlock_isolated_page}, {@code isolate_lru_page}, {@code putback_lru_page}, {@code page_evictable}, {@code lru_cache_add}, {@code add_page_to_unevictable_list}, {@code try_to_unmap_one}, {@code page_remove_rmap} (3.13 = 4.2)</td><td>{@code MlockCommon.mlockVmaPage}, {@code clearPageMlock}, {@code munlockIsolatedPage}, {@code Vmscan.isolateLruPage}, {@code putbackLruPage}, {@code pageEvictable}, {@code Swap.lruCacheAdd}, {@code addPageToUnevictableList}, {@code RmapCommon.tryToUnmapOne}, {@code pageRemoveRmap}</td><td>{@code vmscan}</td></tr>
 *   <tr><td>{@code munlock_vma_page}, {@code try_to_unmap_cluster}, {@code try_to_unmap_file}, {@code try_to_munlock} (3.13)</td><td>{@code v3_13.Mlock.munlockVmaPage}, {@code v3_13.Rmap.tryToUnmapCluster}, {@code tryToUnmapFile}, {@code tryToMunlock}</td><td>{@code v3_13}</td></tr>
 *   <tr><td>{@code munlock_vma_pages_range/_all}, {@code __munlock_pagevec}, {@code __munlock_pagevec_fill}, {@code follow_page_mask}, {@code zap_pte_range}, {@code struct mmu_gather} (4.2)</td><td>{@code v4_2.Mlock.munlockVmaPagesRange/All}, {@code munlockPagevec}, {@code munlockPagevecFill}, {@code Gup.followPageMask}, {@code Memory.zapPteRange}, {@code MmuGather}</td><td>{@code v4_2}</td></tr>
 *   <tr><td>{@code mlock_folio}, {@code munlock_page}, {@code __mlock_page}, {@code __munlock_page}, {@code mlock_vma_page}, {@code mlock_fixup}, {@code mlock_vma_pages_range}, {@code mlock_pte_range}, {@code remove_migration_pte}, {@code page-&gt;mlock_count} (5.18)</td><td>{@code Mlock.mlockFolio}, {@code munlockPage}, {@code __mlockPage}, {@code __munlockPage}, {@code MlockVma.mlockVmaPage}, {@code MlockWalk.mlockFixup}, {@code mlockVmaPagesRange}, {@code mlockPteRange}, {@code Migrate.removeMigrationPte}, {@code Page.mlockCount}</td><td>{@code v5_18}</td></tr>
 *   <tr><td>{@code putback_lru_page}, {@code isolate_lru_page}, {@code add_page_to_unevictable_list}, {@code munlock_vma_page}, {@code struct zone} (2.6.32)</td><td>{@code Vmscan.putbackLruPage}, {@code isolateLruPage}, {@code Swap.addPageToUnevictableList}, {@code Mlock.munlockVmaPage}, {@code Zone}</td><td>{@code v2_6_32}</td></tr>
 * </table>
 *
 * <h2>What is simplified</h2>
 * <p>Simplifications are stated where they are made: one zone and one page table; no THP, memcg or per-CPU
 * pagevecs (batches drain at once); rmap walks over an explicit list of the vmas that map a page. The
 * vmstat counters are single atomics (a locked add on x86) where the kernel uses per-CPU counters; that can
 * only hide a reordering, never create one, and in every race the counter update sits next to a fully
 * ordered atomic anyway. {@code BUG_ON(!PageLocked(page))} in the 3.x mlock paths is a Java {@code assert}:
 * on in unit tests (the broken 3.13 cluster scan trips it, as in the 2014 report), off in the JCStress VMs,
 * where race 000's broken variant is the "just drop the BUG_ON" proposal Linus answered. Do not pass {@code
 * -ea} to the JCStress VMs.
 *
 * <h2>Debug mode: Matthew Wilcox's assertion</h2>
 * <p>The model has one debug switch, standing for CONFIG_DEBUG_VM with CONFIG_DEBUG_VM_PGFLAGS (which
 * depends on it). Off, the model runs what a production kernel runs; on, it adds the checks those options
 * compile in: {@code unlock_page}'s {@code VM_BUG_ON_PAGE(!PageLocked(page))}, and the one below.
 * {@code MemMap.builder().debugPgflags(true)} (or {@code -Dpageflags.debugPgflags=true}) checks every
 * {@code __SetPageFoo} / {@code __ClearPageFoo} the way Matthew Wilcox proposed in seed 004's thread: a
 * non-atomic flag update on a page that others can see throws {@code PageFlagsBug}, naming the operation,
 * the page, its refcount and flags. Hugh Dickins' answer is built in: refcount 0 is safe, and so is a
 * freshly allocated page ({@code MemMap.allocPage()}: refcount 1) until something publishes it (the LRU, a
 * pte). With it on, race 004's broken {@code __ClearPageIsolated} is caught deterministically, on every
 * run, without needing the race to happen.
 */
package dev.pageflags.mm;
