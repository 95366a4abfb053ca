package dev.pageflags.bench.asm;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One excerpt the assembly step writes: a benchmark, chosen by JMH's regular expression, whose JMH
 * stub is printed by HotSpot ({@code -XX:CompileCommand=print,<stub pattern>}) and cut down to its
 * hot loop. The table of targets is {@link #ALL}; it names benchmarks and nothing of their insides,
 * so the benchmarks can change without this step changing.
 *
 * @param name      the kernel operation it shows, also the file name ({@code asm/<name>.txt})
 * @param benchmark the benchmark's class and method, e.g. {@code FlagOpsBench.setBit}
 * @param lookFor   one sentence: what a reader should find in the loop
 * @param jmhArgs   further JMH options for the capture fork, e.g. {@code -p words=1} to pin a @Param
 */
public record AsmTarget(String name, String benchmark, String lookFor, List<String> jmhArgs) {

    private static final String PACKAGE = "dev.pageflags.bench";

    /** The targets, in the order the index lists them. */
    public static final List<AsmTarget> ALL = List.of(
            new AsmTarget("set_bit", "FlagOpsBench.setBit",
                    "the locked instruction that sets the bit, the plain read before it if any,"
                            + " and where a failed compare-and-exchange goes.", List.of()),
            new AsmTarget("clear_bit", "FlagOpsBench.clearBit",
                    "the locked instruction that clears the bit, how the inverted mask is made, and the plain"
                            + " read before it.", List.of()),
            new AsmTarget("__set_bit", "FlagOpsBench.__setBit",
                    "the read, or and write of the flag word, and that no instruction has a lock prefix.",
                    List.of()),
            new AsmTarget("lock_page-unlock_page", "PageLockBench.lockPageUnlockPage",
                    "lock_page: the locked instruction that sets PG_locked and any read before it;"
                            + " unlock_page: the locked instruction that clears it, then the PG_waiters test.",
                    List.of()),
            new AsmTarget("smp_mb", "FenceBench.smpMb",
                    "the full fence HotSpot emits for VarHandle.fullFence(): which instruction, and how many per"
                            + " pass.", List.of()),
            // The floors the targets are graded against, so a missed target can be read off both loops.
            new AsmTarget("floor-long_array_or", "JvmFloorBench.longArrayOr",
                    "the JVM floor of __set_bit: how the or reaches the long[] element (one or to memory,"
                            + " or a load, or and store) and its bounds check.", List.of()),
            new AsmTarget("floor-atomic_long_array_plain_or", "JvmFloorBench.atomicLongArrayPlainOr",
                    "__set_bit's array in plain mode: the AtomicLongArray's extra load of its array and"
                            + " the bounds checks, against floor-long_array_or and __set_bit.", List.of()),
            new AsmTarget("floor-get_and_bitwise_or", "JvmFloorBench.getAndBitwiseOr",
                    "the JVM floor of set_bit: the locked instruction VarHandle.getAndBitwiseOr becomes,"
                            + " against set_bit's.", List.of()),
            new AsmTarget("floor-get_and_bitwise_and", "JvmFloorBench.getAndBitwiseAnd",
                    "the JVM floor of clear_bit: the locked instruction VarHandle.getAndBitwiseAnd becomes,"
                            + " against clear_bit's.", List.of()),
            new AsmTarget("floor-reentrant_lock", "PageLockBench.reentrantLock",
                    "ReentrantLock's lock and unlock, the page lock's target: its locked instructions"
                            + " and what else the loop does, against lock_page-unlock_page.", List.of()));

    public AsmTarget {
        if (!name.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("target name '" + name + "' is not a plain file name");
        }
        if (!benchmark.matches("\\w+\\.\\w+")) {
            throw new IllegalArgumentException("benchmark '" + benchmark + "' is not Class.method");
        }
        jmhArgs = List.copyOf(jmhArgs);
    }

    /** JMH's include pattern: this one benchmark and no other whose name starts the same. */
    public String jmhRegex() {
        return "^" + Pattern.quote(PACKAGE + "." + benchmark) + "$";
    }

    /** HotSpot's CompileCommand pattern of the JMH stub, the method whose loop calls the benchmark. */
    public String stubPattern() {
        return stubClass() + "::*_jmhStub";
    }

    /** The class JMH generates for the benchmark; its {@code *_jmhStub} methods hold the measured loop. */
    public String stubClass() {
        return PACKAGE + ".jmh_generated." + benchmarkClass() + "_" + benchmarkMethod() + "_jmhTest";
    }

    /** The benchmark's full name, as JMH and {@code --include} see it. */
    public String fullName() {
        return PACKAGE + "." + benchmark;
    }

    private String benchmarkClass() {
        return benchmark.substring(0, benchmark.indexOf('.'));
    }

    private String benchmarkMethod() {
        return benchmark.substring(benchmark.indexOf('.') + 1);
    }
}
