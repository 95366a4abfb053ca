package dev.pageflags.stress.harness;

import dev.pageflags.stress.AtomicityPair;
import dev.pageflags.stress.Calibration;
import dev.pageflags.stress.LitmusTest;
import dev.pageflags.stress.RaceVariant;
import dev.pageflags.stress.SampleCostOf;
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
 * annotation processor), each joined with the one annotation that says how to grade it:
 * {@code @RaceVariant}, {@code @LitmusTest}, {@code @AtomicityPair}, {@code @Calibration} or
 * {@code @SampleCostOf}. Outcomes come from the same
 * list JCStress grades with, so the runner and JCStress cannot disagree on them.
 *
 * @param ungraded tests with none of the annotations, or more than one: the suite cannot grade them
 */
public record TestCatalog(List<SuiteTest> tests, List<String> ungraded) {

    public static TestCatalog load(ClassLoader loader) throws ClassNotFoundException {
        List<SuiteTest> tests = new ArrayList<>();
        List<String> ungraded = new ArrayList<>();
        for (String name : TestList.tests()) {
            TestInfo info = TestList.getInfo(name);
            // Not initialised: reading annotations must not run the tests' static state.
            Class<?> type = Class.forName(info.binaryName(), false, loader);
            List<Claim> claims = claims(type);
            if (claims.size() != 1) {
                ungraded.add(name);
                continue;
            }
            JCStressTest jcstress = type.getAnnotation(JCStressTest.class);
            Mode mode = jcstress == null ? Mode.Continuous : jcstress.value();
            tests.add(new SuiteTest(name, claims.get(0), mode, info.description(), info.threads(), outcomes(info)));
        }
        tests.sort(Comparator.comparing(SuiteTest::kind).thenComparing(SuiteTest::seed).thenComparing(SuiteTest::name));
        ungraded.sort(null);
        return new TestCatalog(tests, ungraded);
    }

    /** Every grading annotation on the class, as claims; one is expected. */
    static List<Claim> claims(Class<?> type) {
        List<Claim> claims = new ArrayList<>();
        RaceVariant race = type.getAnnotation(RaceVariant.class);
        if (race != null) {
            claims.add(new Claim.Race(race.seed(), race.variant(), race.claim(), List.of(race.arch()), race.archReason()));
        }
        LitmusTest litmus = type.getAnnotation(LitmusTest.class);
        if (litmus != null) {
            claims.add(new Claim.Litmus(litmus.name(), litmus.path(), litmus.lkmm(), litmus.x86(), litmus.threads()));
        }
        AtomicityPair pair = type.getAnnotation(AtomicityPair.class);
        if (pair != null) {
            claims.add(new Claim.Atomicity(pair.op1(), pair.op2(), pair.atomic(), pair.toughOnly()));
        }
        if (type.isAnnotationPresent(Calibration.class)) {
            claims.add(new Claim.Calibration());
        }
        SampleCostOf cost = type.getAnnotation(SampleCostOf.class);
        if (cost != null) {
            claims.add(new Claim.SampleCost(jcstressName(cost.value()), cost.part()));
        }
        return claims;
    }

    /** A test class's JCStress name: its binary name with nested classes joined by '.'. */
    static String jcstressName(Class<?> test) {
        return test.getName().replace('$', '.');
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
