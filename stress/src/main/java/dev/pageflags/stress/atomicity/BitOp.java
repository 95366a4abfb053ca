package dev.pageflags.stress.atomicity;

import dev.pageflags.mm.Bitops;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The model's single-bit operations, each as the kernel spells it, with what the table needs to
 * know: whether it is atomic, and whether it sets or clears its bit (the word starts with the bit in
 * the other state, so that every operation changes the word and has an update to lose).
 */
enum BitOp {
    SET_BIT("set_bit", true, true) {
        @Override
        void apply(int nr, AtomicLongArray word) {
            Bitops.setBit(nr, word, 0);
        }
    },
    CLEAR_BIT("clear_bit", true, false) {
        @Override
        void apply(int nr, AtomicLongArray word) {
            Bitops.clearBit(nr, word, 0);
        }
    },
    TEST_AND_SET_BIT("test_and_set_bit", true, true) {
        @Override
        void apply(int nr, AtomicLongArray word) {
            Bitops.testAndSetBit(nr, word, 0);
        }
    },
    TEST_AND_CLEAR_BIT("test_and_clear_bit", true, false) {
        @Override
        void apply(int nr, AtomicLongArray word) {
            Bitops.testAndClearBit(nr, word, 0);
        }
    },
    TEST_AND_SET_BIT_LOCK("test_and_set_bit_lock", true, true) {
        @Override
        void apply(int nr, AtomicLongArray word) {
            Bitops.testAndSetBitLock(nr, word, 0);
        }
    },
    CLEAR_BIT_UNLOCK("clear_bit_unlock", true, false) {
        @Override
        void apply(int nr, AtomicLongArray word) {
            Bitops.clearBitUnlock(nr, word, 0);
        }
    },
    CLEAR_BIT_UNLOCK_IS_NEGATIVE_BYTE("clear_bit_unlock_is_negative_byte", true, false) {
        @Override
        void apply(int nr, AtomicLongArray word) {
            Bitops.clearBitUnlockIsNegativeByte(nr, word, 0);
        }
    },
    __SET_BIT("__set_bit", false, true) {
        @Override
        void apply(int nr, AtomicLongArray word) {
            Bitops.__setBit(nr, word, 0);
        }
    },
    __CLEAR_BIT("__clear_bit", false, false) {
        @Override
        void apply(int nr, AtomicLongArray word) {
            Bitops.__clearBit(nr, word, 0);
        }
    },
    __TEST_AND_SET_BIT("__test_and_set_bit", false, true) {
        @Override
        void apply(int nr, AtomicLongArray word) {
            Bitops.__testAndSetBit(nr, word, 0);
        }
    },
    __TEST_AND_CLEAR_BIT("__test_and_clear_bit", false, false) {
        @Override
        void apply(int nr, AtomicLongArray word) {
            Bitops.__testAndClearBit(nr, word, 0);
        }
    };

    private final String kernelName;
    private final boolean atomic;
    private final boolean sets;

    BitOp(String kernelName, boolean atomic, boolean sets) {
        this.kernelName = kernelName;
        this.atomic = atomic;
        this.sets = sets;
    }

    /** Runs the operation on bit {@code nr} of {@code word[0]}. */
    abstract void apply(int nr, AtomicLongArray word);

    String kernelName() {
        return kernelName;
    }

    boolean atomic() {
        return atomic;
    }

    /** The bit's value before the operation: clear for a set, set for a clear. */
    long initialBit(int nr) {
        return sets ? 0 : 1L << nr;
    }

    /** Whether the operation's update is in {@code word}: its bit set for a set, clear for a clear. */
    boolean heldIn(long word, int nr) {
        return ((word & (1L << nr)) != 0) == sets;
    }
}
