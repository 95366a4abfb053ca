package dev.pageflags.stress.harness;

import dev.pageflags.stress.RaceVariant;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.infra.StateCase;
import org.openjdk.jcstress.infra.TestInfo;
import org.openjdk.jcstress.infra.runners.TestList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The JCStress tests compiled into the jar (its {@code META-INF/TestList}, written by JCStress's
 * annotation processor), each joined with its {@code @RaceVariant}. Outcomes come from the same
 * list JCStress grades with, so the runner and JCStress cannot disagree on them.
 *
 * @param unannotated tests without {@code @RaceVariant}: the suite could not grade them
 */
public record TestCatalog(List<SuiteTest> tests, List<String> unannotated) {

    public static TestCatalog load(ClassLoader loader) throws ClassNotFoundException {
        List<SuiteTest> tests = new ArrayList<>();
        List<String> unannotated = new ArrayList<>();
        for (String name : TestList.tests()) {
            TestInfo info = TestList.getInfo(name);
            // Not initialised: reading annotations must not run the tests' static state.
            Class<?> type = Class.forName(info.binaryName(), false, loader);
            RaceVariant race = type.getAnnotation(RaceVariant.class);
            if (race == null) {
                unannotated.add(name);
                continue;
            }
            JCStressTest jcstress = type.getAnnotation(JCStressTest.class);
            Mode mode = jcstress == null ? Mode.Continuous : jcstress.value();
            tests.add(new SuiteTest(name, race.seed(), race.variant(), mode, info.description(), info.threads(),
                    outcomes(info)));
        }
        tests.sort(Comparator.comparing(SuiteTest::seed).thenComparing(SuiteTest::name));
        unannotated.sort(null);
        return new TestCatalog(tests, unannotated);
    }

    private static List<DeclaredOutcome> outcomes(TestInfo info) {
        List<DeclaredOutcome> outcomes = new ArrayList<>();
        for (StateCase c : info.cases()) {
            outcomes.add(new DeclaredOutcome(c.matchPattern(), c.expect(), c.description(), false));
        }
        StateCase otherwise = info.unmatched();
        if (otherwise != null) {
            outcomes.add(new DeclaredOutcome(otherwise.matchPattern(), otherwise.expect(), otherwise.description(),
                    true));
        }
        return outcomes;
    }
}
