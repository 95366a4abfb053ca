package dev.pageflags.stress.litmus;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The shared variables of one litmus test: {@code x}, {@code y} and {@code z}, zero at the start as a
 * litmus test's {@code {}} makes them, fresh for every sample.
 *
 * <p>They are words of an {@link AtomicLongArray}, the type the model keeps {@code page->flags} in,
 * so the actors can reach them only through the model's own accessors: {@code Rwonce.readOnce} for
 * {@code READ_ONCE}, {@code Barriers.smpStoreRelease} for {@code smp_store_release}, {@code Bitops}
 * for the atomic read-modify-writes. A test that touched the array directly would check Java, not
 * the model's mapping.
 */
abstract class LitmusVars {
    static final int X = 0;
    static final int Y = 1;
    static final int Z = 2;

    final AtomicLongArray mem = new AtomicLongArray(3);
}
