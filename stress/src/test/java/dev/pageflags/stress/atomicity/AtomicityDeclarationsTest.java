package dev.pageflags.stress.atomicity;

import dev.pageflags.stress.AtomicityPair;
import org.junit.jupiter.api.Test;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.infra.StateCase;
import org.openjdk.jcstress.infra.TestInfo;
import org.openjdk.jcstress.infra.runners.TestList;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLongArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The atomicity table's declarations match its operations, and the matrix is complete. */
class AtomicityDeclarationsTest {
    private static final String PACKAGE = AtomicityDeclarationsTest.class.getPackageName() + ".";

    @Test
    void everyPairGradesLostUpdatesByWhetherBothOperationsAreAtomic() throws ClassNotFoundException {
        List<String> problems = new ArrayList<>();
        Set<String> pairs = new HashSet<>();
        int defaults = 0;
        for (String name : TestList.tests()) {
            if (!name.startsWith(PACKAGE)) {
                continue;
            }
            TestInfo info = TestList.getInfo(name);
            Class<?> type = Class.forName(info.binaryName(), false, getClass().getClassLoader());
            AtomicityPair pair = type.getAnnotation(AtomicityPair.class);
            if (pair == null) {
                problems.add(name + ": no @AtomicityPair");
                continue;
            }
            pairs.add(pair.op1() + " " + pair.op2());
            defaults += pair.toughOnly() ? 0 : 1;
            boolean atomic = op(pair.op1()).atomic() && op(pair.op2()).atomic();
            if (atomic != pair.atomic()) {
                problems.add(name + ": atomic = " + pair.atomic() + " for " + pair.op1() + ", " + pair.op2());
            }
            Expect op2Lost = pair.atomic() ? Expect.FORBIDDEN : Expect.ACCEPTABLE_INTERESTING;
            check(problems, name, info, TwoBitsOneWord.OP2_LOST, op2Lost);
            check(problems, name, info, TwoBitsOneWord.OP1_LOST, Expect.FORBIDDEN);
            check(problems, name, info, TwoBitsOneWord.BOTH_HELD, Expect.ACCEPTABLE);
            StateCase otherwise = info.unmatched();
            if (otherwise == null || otherwise.expect() != Expect.FORBIDDEN) {
                problems.add(name + ": the catch-all outcome must be FORBIDDEN");
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(56, pairs.size(), "28 atomic pairs and 28 non-atomic ones");
        assertEquals(12, defaults, "the default budget's pairs");
    }

    @Test
    void everyOperationStartsWithItsBitInTheStateItChanges() {
        for (BitOp op : BitOp.values()) {
            AtomicLongArray word = new AtomicLongArray(1);
            word.set(0, op.initialBit(7));
            assertFalse(op.heldIn(word.get(0), 7), op.kernelName() + " before");
            op.apply(7, word);
            assertTrue(op.heldIn(word.get(0), 7), op.kernelName() + " after");
        }
    }

    private static BitOp op(String kernelName) {
        for (BitOp op : BitOp.values()) {
            if (op.kernelName().equals(kernelName)) {
                return op;
            }
        }
        throw new AssertionError("no such operation: " + kernelName);
    }

    private static void check(List<String> problems, String name, TestInfo info, String id, Expect expected) {
        Optional<StateCase> found = info.cases().stream().filter(c -> c.matchPattern().equals(id)).findFirst();
        if (found.isEmpty() || found.get().expect() != expected) {
            problems.add(name + ": state '" + id + "' should be " + expected
                    + found.map(c -> ", is " + c.expect()).orElse(", not declared"));
        }
    }
}
