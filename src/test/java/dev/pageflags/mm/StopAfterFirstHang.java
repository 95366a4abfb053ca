package dev.pageflags.mm;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Skips every test and test class that has not started yet once one test of this JVM has timed out
 * (a class too, as building its instance may take the same broken lock, outside any timeout).
 *
 * <p>A hang in the model is a broken lock or a lost wake-up, and those sit under almost every
 * path: each remaining test would wait out its own timeout, minutes in all, while the threads
 * left behind by the timed-out ones keep spinning on the two CPUs. The first timeout already
 * names the culprit and fails the build; the skipped tests say which test hung. Ordinary assertion
 * failures do not stop the run.
 */
public final class StopAfterFirstHang implements TestWatcher, ExecutionCondition {
    private static final AtomicReference<String> FIRST_HANG = new AtomicReference<>();

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (cause instanceof TimeoutException) {
            FIRST_HANG.compareAndSet(null, context.getRequiredTestClass().getSimpleName() + "."
                    + context.getDisplayName());
        }
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String hung = FIRST_HANG.get();
        if (hung == null) {
            return ConditionEvaluationResult.enabled("no test has hung");
        }
        return ConditionEvaluationResult.disabled("not run: " + hung + " hung, the model is broken");
    }
}
