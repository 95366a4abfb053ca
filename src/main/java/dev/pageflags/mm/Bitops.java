package dev.pageflags.mm;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The kernel's bit operations on one {@code unsigned long} of an {@link AtomicLongArray}, each with
 * the ordering {@code Documentation/atomic_bitops.txt} gives it.
 *
 * <p>Arguments come in the kernel's order: bit number first, then the word ({@code words[index]}).
 *
 * <p>HotSpot has no fetch-or or fetch-and instruction: every atomic set or clear below is a
 * compare-and-set loop ({@code lock cmpxchg} on x86), where the kernel emits one {@code lock bts}
 * or {@code lock and}; {@link #testAndSetBitLock} is the same loop as Java's fetch-or. Only {@link #clearBitUnlockIsNegativeByte} is a single locked instruction
 * ({@code lock xadd}), because it may assume the bit it clears is set.
 *
 * <p>The {@code __} forms are deliberately not atomic: they read the whole word and write the whole
 * word back, so an atomic update of any other bit of that word landing in between is lost. That
 * window is the subject of race 004; it is real here, not simulated. It is also wider than on x86,
 * where the kernel's {@code __clear_bit} is one unlocked instruction on memory ({@code btr} or
 * {@code and}): see {@link #__clearBit}.
 *
 * <p>The table of every primitive's promised ordering against its Java form is in the package
 * documentation ({@code package-info.java}).
 */
public final class Bitops {
    /** Bit 7 of a word's low byte: the byte's sign bit, where PG_waiters lives. */
    private static final long LOW_BYTE_SIGN_BIT = 1L << 7;

    private Bitops() {
    }

    /** {@code test_bit}: a single READ_ONCE of the word, no ordering. */
    public static boolean testBit(int nr, AtomicLongArray words, int index) {
        return (Rwonce.readOnce(words, index) & (1L << nr)) != 0;
    }

    /** {@code set_bit}: atomic, unordered; release mode is the weakest CAS Java offers that fits. */
    public static void setBit(int nr, AtomicLongArray words, int index) {
        long mask = 1L << nr;
        long old = words.getOpaque(index);
        while (!words.weakCompareAndSetRelease(index, old, old | mask)) {
            old = words.getOpaque(index);
        }
    }

    /** {@code clear_bit}: atomic, unordered. */
    public static void clearBit(int nr, AtomicLongArray words, int index) {
        long mask = 1L << nr;
        long old = words.getOpaque(index);
        while (!words.weakCompareAndSetRelease(index, old, old & ~mask)) {
            old = words.getOpaque(index);
        }
    }

    /**
     * {@code test_and_set_bit}: atomic and fully ordered when it sets the bit.
     *
     * <p>When the bit is already set the operation has "failed" in {@code atomic_bitops.txt}'s
     * terms, and LKMM gives a failed conditional RMW no ordering at all. The model is stronger
     * there: it returns after one volatile load, without a store. (On x86 the kernel's
     * {@code lock bts} is a full barrier whether or not it changes the bit.)
     */
    public static boolean testAndSetBit(int nr, AtomicLongArray words, int index) {
        long mask = 1L << nr;
        long old = words.get(index);
        while (true) {
            if ((old & mask) != 0) {
                // The kernel may skip the store when the bit is already set, but its ordering
                // guarantee holds either way; a volatile read keeps that half of the promise.
                return true;
            }
            long witness = words.compareAndExchange(index, old, old | mask);
            if (witness == old) {
                return false;
            }
            old = witness;
        }
    }

    /**
     * {@code test_and_clear_bit}: atomic and fully ordered when it clears the bit; on a clear bit
     * it has failed, is unordered in LKMM, and is one volatile load here (stronger), as in
     * {@link #testAndSetBit}.
     */
    public static boolean testAndClearBit(int nr, AtomicLongArray words, int index) {
        long mask = 1L << nr;
        long old = words.get(index);
        while (true) {
            if ((old & mask) == 0) {
                return false;
            }
            long witness = words.compareAndExchange(index, old, old & ~mask);
            if (witness == old) {
                return true;
            }
            old = witness;
        }
    }

    /**
     * {@code test_and_set_bit_lock}: atomic, acquire ordering when it takes the bit. Written as
     * x86's kernel has it, in every era this model follows: {@code arch/x86/include/asm/bitops.h}
     * makes it {@code test_and_set_bit}, one {@code lock bts}, issued whether or not the bit is
     * already set, with no read before it.
     *
     * <p>A fetch-or with acquire ordering, written out as the loop of Java's own
     * {@code VarHandle.getAndBitwiseOrAcquire} ({@code AtomicLongArray} offers no bitwise RMW): a
     * plain load that only supplies the expected value, then {@code compareAndExchangeAcquire} until
     * it succeeds. Its read is an acquire, its write plain, and it is done even when the bit is
     * already set (it writes the same word back). So a failed attempt is an acquire too, and takes
     * the cache line exclusive as {@code lock bts} does. On x86 the loop is one {@code lock cmpxchg}
     * when nothing races it, a full barrier like the kernel's instruction.
     *
     * <p>Not asm-generic's form ({@code include/asm-generic/bitops/lock.h} of later kernels, used
     * where the architecture has no bitops of its own): that one returns after a {@code READ_ONCE}
     * when the bit is already set, without any atomic access, so a failed attempt is unordered.
     */
    public static boolean testAndSetBitLock(int nr, AtomicLongArray words, int index) {
        long mask = 1L << nr;
        long old = words.getPlain(index);
        while (true) {
            long witness = words.compareAndExchangeAcquire(index, old, old | mask);
            if (witness == old) {
                return (old & mask) != 0;
            }
            old = witness;
        }
    }

    /** {@code clear_bit_unlock}: atomic, release ordering. The general form: a CAS loop. */
    public static void clearBitUnlock(int nr, AtomicLongArray words, int index) {
        long mask = 1L << nr;
        long old = words.getOpaque(index);
        while (!words.weakCompareAndSetRelease(index, old, old & ~mask)) {
            old = words.getOpaque(index);
        }
    }

    /**
     * {@code clear_bit_unlock_is_negative_byte}: clear a bit the caller knows is set, with release
     * ordering, and report whether bit 7 of the low byte was set at that instant.
     *
     * <p>Because the bit is known to be set, subtracting it is the same as clearing it, and
     * {@code getAndAdd} is one {@code lock xadd}: the same single locked instruction the kernel
     * uses, and its returned old value tells about PG_waiters without a second access that could
     * race. {@code getAndAdd} is volatile, stronger than the release the kernel needs.
     */
    public static boolean clearBitUnlockIsNegativeByte(int nr, AtomicLongArray words, int index) {
        long mask = 1L << nr;
        long old = words.getAndAdd(index, -mask);
        assert (old & mask) != 0 : "clear_bit_unlock_is_negative_byte on a clear bit " + nr;
        return (old & LOW_BYTE_SIGN_BIT) != 0;
    }

    /** {@code __set_bit}: NOT atomic. Reads the whole word, writes the whole word. */
    public static void __setBit(int nr, AtomicLongArray words, int index) {
        long old = Rwonce.readOnce(words, index);
        Rwonce.writeOnce(words, index, old | (1L << nr));
    }

    /**
     * {@code __clear_bit}: NOT atomic. Reads the whole word (opaque load), writes the whole word
     * (opaque store).
     *
     * <p>Race 004's window is these two accesses. On x86 the kernel emits a single unlocked
     * read-modify-write instruction on memory ({@code btr}, or {@code andb} with a constant): still
     * not atomic against other CPUs, but its load and store are a few cycles apart and no interrupt
     * or preemption can fall between them. Here they are two instructions, and the thread can be
     * descheduled in between, so the window is wider in time than the x86 kernel's; C permits the
     * same split (the generic version is {@code *p &= ~mask}), so what the model shows is what
     * the source allows, at a higher rate than x86 hardware gives it.
     */
    public static void __clearBit(int nr, AtomicLongArray words, int index) {
        long old = Rwonce.readOnce(words, index);
        Rwonce.writeOnce(words, index, old & ~(1L << nr));
    }

    /** {@code __test_and_set_bit}: NOT atomic. */
    public static boolean __testAndSetBit(int nr, AtomicLongArray words, int index) {
        long mask = 1L << nr;
        long old = Rwonce.readOnce(words, index);
        Rwonce.writeOnce(words, index, old | mask);
        return (old & mask) != 0;
    }

    /** {@code __test_and_clear_bit}: NOT atomic. */
    public static boolean __testAndClearBit(int nr, AtomicLongArray words, int index) {
        long mask = 1L << nr;
        long old = Rwonce.readOnce(words, index);
        Rwonce.writeOnce(words, index, old & ~mask);
        return (old & mask) != 0;
    }
}
