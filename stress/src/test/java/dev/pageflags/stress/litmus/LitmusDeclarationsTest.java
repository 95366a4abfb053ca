package dev.pageflags.stress.litmus;

import dev.pageflags.stress.LitmusTest;
import org.junit.jupiter.api.Test;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.infra.StateCase;
import org.openjdk.jcstress.infra.TestInfo;
import org.openjdk.jcstress.infra.runners.TestList;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every litmus test in the jar's test list keeps the contract the suite grades by: its
 * {@link LitmusTest} verdict matches the expectation declared on its exists state, its thread count
 * matches its actors, and whatever is not declared is a FORBIDDEN model error.
 */
class LitmusDeclarationsTest {
    private static final String PACKAGE = LitmusDeclarationsTest.class.getPackageName() + ".";

    @Test
    void everyLitmusTestDeclaresItsVerdictOnItsExistsState() throws ClassNotFoundException {
        List<String> problems = new ArrayList<>();
        int seen = 0;
        for (String name : TestList.tests()) {
            if (!name.startsWith(PACKAGE)) {
                continue;
            }
            seen++;
            TestInfo info = TestList.getInfo(name);
            Class<?> type = Class.forName(info.binaryName(), false, getClass().getClassLoader());
            LitmusTest litmus = type.getAnnotation(LitmusTest.class);
            if (litmus == null) {
                problems.add(name + ": no @LitmusTest");
                continue;
            }
            Expect existsExpect = litmus.lkmm() == LitmusTest.Lkmm.NEVER ? Expect.FORBIDDEN : Expect.ACCEPTABLE_INTERESTING;
            boolean declared = info.cases().stream().anyMatch(c -> c.expect() == existsExpect);
            if (!declared) {
                problems.add(name + ": no " + existsExpect + " state for LKMM " + litmus.lkmm());
            }
            if (litmus.lkmm() == LitmusTest.Lkmm.NEVER
                    && info.cases().stream().anyMatch(c -> c.expect() == Expect.ACCEPTABLE_INTERESTING)) {
                problems.add(name + ": LKMM Never, yet an interesting state");
            }
            if (litmus.threads() != info.threads()) {
                problems.add(name + ": @LitmusTest(threads = " + litmus.threads() + ") but " + info.threads() + " actors");
            }
            StateCase otherwise = info.unmatched();
            if (otherwise == null || otherwise.expect() != Expect.FORBIDDEN) {
                problems.add(name + ": the catch-all outcome must be FORBIDDEN");
            }
            String javaName = litmus.name().replace('+', '_').replace('-', '_').replace('.', '_');
            if (!type.getSimpleName().equals(javaName)) {
                problems.add(name + ": class name does not follow " + litmus.name());
            }
            if (!litmus.path().endsWith("/" + litmus.name() + ".litmus")) {
                problems.add(name + ": path " + litmus.path() + " does not name " + litmus.name());
            }
        }
        assertTrue(seen >= 27, "expected the litmus tests in the test list, found " + seen);
        assertEquals(List.of(), problems);
    }
}
