package dev.pageflags.bench;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicLongArray;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The floor benchmarks touch the words they say they do, and only those. */
class FloorBenchShapeTest {
    private static final long REFERENCED = 1L << 1;

    @Test
    void theIndependentWordWalksSetOneWordPerLineAndNothingBetween() throws Exception {
        IndependentWordsBench bench = new IndependentWordsBench();
        bench.setUp();
        bench.setBit();
        bench.longArrayOr();
        AtomicLongArray model = field(bench, "flagWords", AtomicLongArray.class);
        long[] plain = field(bench, "words", long[].class);
        for (int i = 0; i < plain.length; i++) {
            long expected = i % IndependentWordsBench.WORDS_PER_PAGE == 0 ? REFERENCED : 0;
            assertEquals(expected, model.get(i), "model word " + i);
            assertEquals(expected, plain[i], "long[] word " + i);
        }
        assertEquals(IndependentWordsBench.PAGES * IndependentWordsBench.WORDS_PER_PAGE, plain.length);
        assertEquals(IndependentWordsBench.PAGES * REFERENCED, bench.getAndBitwiseOr(),
                "the walk returns the sum of the words it found (each with the bit already set)");
    }

    @Test
    void theJvmFloorSetsAndClearsTheModelsBit() throws Exception {
        JvmFloorBench bench = new JvmFloorBench();
        bench.setUp();
        long[] words = field(bench, "words", long[].class);
        bench.longArrayOr();
        assertEquals(REFERENCED, words[0]);
        bench.longArrayAndNot();
        assertEquals(0, words[0]);
        assertEquals(0, bench.getAndBitwiseOr());
        assertEquals(REFERENCED, bench.getAndBitwiseAnd());
        assertEquals(0, bench.getAndBitwiseOrRelease());
        assertEquals(REFERENCED, bench.compareAndExchange(), "the CAS succeeds: its witness is the word read");
        bench.atomicLongArrayPlainOr();
        assertEquals(REFERENCED, field(bench, "atomicWords", AtomicLongArray.class).get(0));
    }

    private static <T> T field(Object o, String name, Class<T> type) throws ReflectiveOperationException {
        Field f = o.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return type.cast(f.get(o));
    }
}
