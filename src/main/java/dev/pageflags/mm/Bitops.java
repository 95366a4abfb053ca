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
 * or {@code lock and}. Only {@link #clearBitUnlockIsNegativeByte} is a single locked instruction
 * ({@code lock xadd}), because it may assume the bit it clears is set.
 *
 * <p>The {@code __} forms are deliberately not atomic: they read the whole word and write the whole
 * word back, so an atomic update of any other bit of that word landing in between is lost. That
 * window is the subject of race 004; it is real here, not simulated.
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

    /** {@code test_and_set_bit}: atomic and fully ordered, as every value-returning atomic is. */
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

    /** {@code test_and_clear_bit}: atomic and fully ordered. */
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

    /** {@code test_and_set_bit_lock}: atomic, acquire ordering when it takes the bit. */
    public static boolean testAndSetBitLock(int nr, AtomicLongArray words, int index) {
        long mask = 1L << nr;
        long old = words.getOpaque(index);
        while (true) {
            if ((old & mask) != 0) {
                return true;
            }
            long witness = words.compareAndExchangeAcquire(index, old, old | mask);
            if (witness == old) {
                return false;
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

    /** {@code __clear_bit}: NOT atomic. Reads the whole word, writes the whole word. */
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
