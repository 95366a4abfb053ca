package dev.pageflags.stress.lincheck;

import dev.pageflags.stress.RaceScenario;

import java.io.Serializable;
import java.util.function.Supplier;

/**
 * How a check names the race it explores: {@code () -> Race000_MlockWithoutPageLock.Broken.newScenario()}.
 *
 * <p>Serializable only so that {@link FactoryOwner} can read which JCStress class's
 * {@code newScenario()} the lambda calls: the verdict is filed under that class, so a check
 * cannot explore one test's race and report it under another.
 *
 * <p>It must be a lambda whose body calls the factory, not a method reference
 * ({@code Broken::newScenario}), a {@code MethodHandle} or {@code Method.invoke}: Lincheck 3.6
 * instruments the JCStress class only when instrumented code calls into it, and behind any of those
 * three the race ran uninstrumented (measured on race 004: "12 invocations, exploration complete"
 * for the broken variant, and the sleeping test's waiter spinning outside Lincheck's scheduler).
 */
@FunctionalInterface
interface ScenarioFactory extends Supplier<RaceScenario>, Serializable {
}
