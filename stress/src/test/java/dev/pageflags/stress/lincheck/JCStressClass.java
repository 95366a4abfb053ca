package dev.pageflags.stress.lincheck;

import dev.pageflags.stress.RaceScenario;
import dev.pageflags.stress.RaceVariant;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * A JCStress test class as a Lincheck check sees it: what its {@link RaceVariant} claims and
 * whether its waiter really sleeps ({@link Mode#Termination}). The class must declare the factory
 * of its own race, {@code public static RaceScenario newScenario()}, which the check calls.
 */
final class JCStressClass {
    static final String FACTORY = "newScenario";

    private final Class<?> test;
    private final RaceVariant variant;
    private final boolean waiterSleeps;

    private JCStressClass(Class<?> test, RaceVariant variant, boolean waiterSleeps) {
        this.test = test;
        this.variant = variant;
        this.waiterSleeps = waiterSleeps;
    }

    static JCStressClass of(Class<?> test) {
        JCStressTest jcstress = test.getAnnotation(JCStressTest.class);
        RaceVariant variant = test.getAnnotation(RaceVariant.class);
        if (jcstress == null || variant == null) {
            throw new IllegalArgumentException(test.getName() + " is not a JCStress race test: it needs"
                    + " @JCStressTest and @RaceVariant");
        }
        Method factory;
        try {
            factory = test.getMethod(FACTORY);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(test.getName() + " has no public static RaceScenario "
                    + FACTORY + "()", e);
        }
        if (!Modifier.isStatic(factory.getModifiers()) || !RaceScenario.class.isAssignableFrom(factory.getReturnType())
                || factory.getDeclaringClass() != test) {
            throw new IllegalArgumentException(test.getName() + "." + FACTORY + "() must be declared by the test"
                    + " class itself, static, and return a RaceScenario");
        }
        return new JCStressClass(test, variant, jcstress.value() == Mode.Termination);
    }

    Expectation expectation() {
        return Expectation.of(variant);
    }

    /** True for a termination test: its waiter blocks for real and, in the bad case, never returns. */
    boolean waiterSleeps() {
        return waiterSleeps;
    }

    String name() {
        return test.getName();
    }

    /** {@code Race004_IsolatedClearLosesWaiters.Broken}: the class name without its package. */
    String shortName() {
        return test.getName().substring(test.getName().lastIndexOf('.') + 1).replace('$', '.');
    }

    @Override
    public String toString() {
        return name();
    }
}
