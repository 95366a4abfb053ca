package dev.pageflags.bench;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Optional;

/**
 * What a layout-sensitive benchmark checks in {@code @Setup} instead of assuming: that its fork runs
 * with {@code -XX:ObjectAlignmentInBytes=64}, so every object, arrays included, starts a cache line,
 * and where a {@code long[]}'s elements start behind its header. JMH's {@code -jvmArgs} and
 * {@code -jvmArgsAppend} on the command line replace the {@code @Fork} annotation's own, so a run
 * can silently drop the flag; the benchmark then fails with a message rather than measuring another
 * layout under the same name.
 */
final class AlignedForks {
    static final int LINE = 64;
    static final String FLAG = "-XX:ObjectAlignmentInBytes=" + LINE;
    private static final String OPTION = "ObjectAlignmentInBytes";

    private AlignedForks() {
    }

    /** Throws unless this VM was started with {@link #FLAG} and runs with it. */
    static void requireLineAlignedObjects(String benchmark) {
        List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
        String effective = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                .getVMOption(OPTION).getValue();
        problem(args, effective).ifPresent(p -> {
            throw new IllegalStateException(benchmark + " refuses to run: " + p);
        });
    }

    /** Why a VM with these input arguments and this effective ObjectAlignmentInBytes is unfit, if it is. */
    static Optional<String> problem(List<String> inputArguments, String effectiveAlignment) {
        String prefix = "-XX:" + OPTION + "=";
        String last = null;
        for (String a : inputArguments) {
            if (a.startsWith(prefix)) {
                last = a;
            }
        }
        if (last == null) {
            return Optional.of("its fork was started without " + FLAG + " (JVM arguments: " + inputArguments
                    + "). A -jvmArgs or -jvmArgsAppend on JMH's command line replaces @Fork(jvmArgsAppend);"
                    + " add " + FLAG + " to it.");
        }
        if (!last.equals(FLAG)) {
            return Optional.of("its fork runs with " + last + " where the layout needs " + FLAG
                    + " (JVM arguments: " + inputArguments + ").");
        }
        if (!String.valueOf(LINE).equals(effectiveAlignment)) {
            return Optional.of("the VM reports " + OPTION + " = " + effectiveAlignment + " although "
                    + FLAG + " was given.");
        }
        return Optional.empty();
    }

    /**
     * Offset of a {@code long[]}'s element 0 from the array's start, from {@code sun.misc.Unsafe}
     * (the only source the JDK offers; JDK 24 and later print a deprecation warning on this call).
     * Fails when the elements are not 8 bytes apart, or the offset is not a multiple of 8.
     */
    static long longArrayBaseOffset() {
        long base;
        long scale;
        try {
            Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
            Field f = unsafeClass.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            Object unsafe = f.get(null);
            base = ((Number) unsafeClass.getMethod("arrayBaseOffset", Class.class).invoke(unsafe, long[].class))
                    .longValue();
            scale = ((Number) unsafeClass.getMethod("arrayIndexScale", Class.class).invoke(unsafe, long[].class))
                    .longValue();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read the long[] layout from sun.misc.Unsafe: " + e, e);
        }
        if (scale != Long.BYTES || base % Long.BYTES != 0 || base <= 0 || base >= LINE) {
            throw new IllegalStateException("unexpected long[] layout: elements from offset " + base + ", "
                    + scale + " bytes apart");
        }
        return base;
    }
}
