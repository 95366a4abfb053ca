package dev.pageflags.mm;

import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLongArray;

/** The kernel's explicit barriers, mapped as in the memory-ordering table of the scenarios. */
public final class Barriers {
    private Barriers() {
    }

    /** {@code smp_mb()}: a full barrier; orders earlier stores before later loads too. */
    public static void smpMb() {
        VarHandle.fullFence();
    }

    /**
     * {@code smp_mb__after_atomic()}: turns a preceding unordered atomic (set_bit, clear_bit) into a
     * fully ordered one. Java's release-mode RMW does not order a later load, so this is a full fence.
     */
    public static void smpMbAfterAtomic() {
        VarHandle.fullFence();
    }

    /** {@code smp_mb__before_atomic()}: the mirror image of {@link #smpMbAfterAtomic()}. */
    public static void smpMbBeforeAtomic() {
        VarHandle.fullFence();
    }

    /**
     * {@code smp_store_release(&words[index], value)}: earlier loads and stores are ordered before
     * the store; later loads are not. On x86 a plain {@code mov}, like the kernel's.
     */
    public static void smpStoreRelease(AtomicLongArray words, int index, long value) {
        words.setRelease(index, value);
    }

    /**
     * {@code smp_load_acquire(&words[index])}: later loads and stores are ordered after the load.
     * On x86 a plain {@code mov}, like the kernel's.
     */
    public static long smpLoadAcquire(AtomicLongArray words, int index) {
        return words.getAcquire(index);
    }
}
