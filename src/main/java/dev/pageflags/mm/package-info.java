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
 *   <tr><td>{@code test_and_set_bit_lock} ({@code trylock_page})</td><td>acquire on success</td>
 *       <td>{@code compareAndExchangeAcquire} loop; a failed attempt is an opaque load</td></tr>
 *   <tr><td>{@code clear_bit_unlock}</td><td>release</td><td>release-mode CAS loop</td></tr>
 *   <tr><td>{@code clear_bit_unlock_is_negative_byte} ({@code unlock_page})</td>
 *       <td>release; returns bit 7 of the byte as it was</td>
 *       <td>one {@code getAndAdd(-mask)} ({@code lock xadd}): the bit is known to be set, so
 *       subtracting clears it, and the old value answers for PG_waiters in the same access.
 *       Volatile, so stronger than release</td></tr>
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
 * <p>HotSpot has no single-instruction fetch-or or fetch-and: every atomic set or clear above is
 * a load plus a {@code lock cmpxchg} loop where the kernel has one {@code lock}-prefixed
 * instruction. Only {@code getAndAdd} ({@code lock xadd}) and {@code getAndSet} ({@code xchg}) are
 * single instructions, which is why {@code unlock_page} is written with {@code getAndAdd}. The
 * benchmarks ({@code bench/}) measure the difference.
 *
 * <p>Layout: PG_locked is bit 0 and PG_waiters bit 7 of the low byte, as the kernel needs for
 * {@code clear_bit_unlock_is_negative_byte}; the other flags keep the kernel's relative order
 * ({@link dev.pageflags.mm.PageFlag}). One flag word per page, spaced like a 64-byte
 * {@code struct page} ({@link dev.pageflags.mm.MemMap}).
 */
package dev.pageflags.mm;
