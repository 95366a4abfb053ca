package dev.pageflags.stress.harness;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The suite's progress as futures a test case can wait on: the selection, then each test's verdict.
 * The engine runs on its own thread; each test case blocks on its own verdict only, so the time a
 * test case takes in Failsafe's report is the time the suite took to grade it after the one before.
 */
final class SuiteVerdicts implements SuiteListener {
    private final CompletableFuture<List<SuiteTest>> selection = new CompletableFuture<>();
    private final Map<String, CompletableFuture<TestVerdict>> verdicts = new ConcurrentHashMap<>();
    private final CompletableFuture<SuiteEngine.Result> end = new CompletableFuture<>();

    @Override
    public void selected(List<SuiteTest> tests) {
        selection.complete(tests);
    }

    @Override
    public void graded(TestVerdict verdict) {
        future(verdict.test().name()).complete(verdict);
    }

    @Override
    public void refused(String why) {
        selection.completeExceptionally(new StressSuiteError(why));
    }

    void finished(SuiteEngine.Result result) {
        end.complete(result);
        selection.completeExceptionally(new StressSuiteError("the suite ended (exit code " + result.exitCode()
                + ") before selecting"));
    }

    void crashed(Throwable t) {
        StressSuiteError e = new StressSuiteError("the suite crashed: " + t);
        end.completeExceptionally(e);
        verdicts.values().forEach(f -> f.completeExceptionally(e));
        selection.completeExceptionally(e);
    }

    List<SuiteTest> awaitSelection(Duration timeout) {
        return await(selection, timeout, "the selection");
    }

    /** The test's verdict; an error when the suite ends (or crashes) without grading it. */
    TestVerdict awaitVerdict(SuiteTest test, Duration timeout) {
        CompletableFuture<TestVerdict> verdict = future(test.name());
        await(CompletableFuture.anyOf(verdict, end), timeout, test.name());
        if (!verdict.isDone()) {
            throw new StressSuiteError("the suite ended (exit code " + end.join().exitCode()
                    + ") without grading " + test.name());
        }
        return verdict.join();
    }

    SuiteEngine.Result awaitEnd(Duration timeout) {
        return await(end, timeout, "the end of the suite");
    }

    private CompletableFuture<TestVerdict> future(String name) {
        return verdicts.computeIfAbsent(name, n -> new CompletableFuture<>());
    }

    private static <T> T await(CompletableFuture<T> future, Duration timeout, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof StressSuiteError s ? s : new StressSuiteError(what + ": " + e.getCause());
        } catch (TimeoutException e) {
            throw new StressSuiteError("waited " + timeout.toSeconds() + " s for " + what + " in vain");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StressSuiteError("interrupted waiting for " + what);
        }
    }
}
