package dev.pageflags.mm;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * {@code READ_ONCE} and {@code WRITE_ONCE} ({@code include/asm-generic/rwonce.h}) of one
 * {@code unsigned long} of an {@link AtomicLongArray}: one access of the whole word, never torn,
 * never merged or repeated by the compiler, and ordered against nothing else.
 *
 * <p>That is Java's opaque mode. It keeps each word coherent (two loads of one word by one thread
 * never see its values go backwards) and adds no fence: on x86 a plain {@code mov}, as the kernel's
 * volatile access is. Anything stronger here (a volatile store is {@code xchg} or
 * {@code mov; lock addl} on x86) would be a full barrier the kernel does not have and would hide
 * store-buffer races. The model's other word accesses ({@link Bitops#testBit}, the {@code __} bit
 * operations, {@link Page#flags}) go through here, so the litmus tests of
 * {@code dev.pageflags.stress.litmus} check the same mapping the races run on.
 *
 * <p>Arguments in the kernel's order: the location ({@code words[index]}), then the value.
 */
public final class Rwonce {
    private Rwonce() {
    }

    /** {@code READ_ONCE(words[index])}. */
    public static long readOnce(AtomicLongArray words, int index) {
        return words.getOpaque(index);
    }

    /** {@code WRITE_ONCE(words[index], value)}. */
    public static void writeOnce(AtomicLongArray words, int index, long value) {
        words.setOpaque(index, value);
    }
}
