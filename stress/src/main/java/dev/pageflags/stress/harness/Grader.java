package dev.pageflags.stress.harness;

import dev.pageflags.mm.Variant;
import org.openjdk.jcstress.annotations.Expect;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns what JCStress recorded for a test into a verdict. JCStress's own pass/fail is not enough
 * here: it passes a broken variant that never showed its race, and a test it skipped.
 */
public final class Grader {
    private static final int MESSAGE_LINES = 5;

    private Grader() {
    }

    /** A selected test that did not run. */
    public static TestVerdict skipped(SuiteTest test, String why) {
        return new TestVerdict(test, 0, 0, 0, Verdict.SKIPPED, why, List.of(), List.of(), 0, null);
    }

    /** A selected test that should have run but left no usable record. */
    public static TestVerdict failed(SuiteTest test, String why) {
        return new TestVerdict(test, 0, 0, 0, Verdict.FAILED, why, List.of(), List.of(), 0, null);
    }

    public static TestVerdict grade(SuiteTest test, TestRun run) {
        long samples = run.samples();
        long interesting = sum(run.outcomes(), Expect.ACCEPTABLE_INTERESTING);
        // JCStress grades a state no @Outcome covers as FORBIDDEN (or UNKNOWN): both are failures here.
        long forbidden = sum(run.outcomes(), Expect.FORBIDDEN) + sum(run.outcomes(), Expect.UNKNOWN);
        boolean broken = test.variant() == Variant.BROKEN;
        long bad = broken ? interesting : forbidden;
        long unexpected = broken ? forbidden : 0;

        Verdict verdict;
        String reason;
        if (!run.isNormal()) {
            verdict = Verdict.FAILED;
            reason = "JCStress reported " + run.status() + messageTail(run);
        } else if (samples == 0) {
            verdict = Verdict.FAILED;
            reason = "JCStress ran it but recorded no samples" + messageTail(run);
        } else if (unexpected > 0) {
            verdict = Verdict.FAILED;
            reason = "the broken variant showed FORBIDDEN outcomes " + forbiddenStates(run)
                    + ": the model did something the race itself cannot explain";
        } else if (!broken && bad > 0) {
            verdict = Verdict.FAILED;
            reason = "the fixed variant showed its FORBIDDEN bad end state " + forbiddenStates(run)
                    + " in " + samples + " samples: the fix does not hold in the model";
        } else if (broken && bad > 0) {
            verdict = Verdict.REPRODUCED;
            reason = "bad end state seen " + bad + " times in " + samples + " samples";
        } else if (broken) {
            verdict = Verdict.NOT_REPRODUCED;
            reason = "the broken variant never showed its bad end state in " + samples + " samples; raise the"
                    + " budget: -Dstress.budget=tough -Dstress.test=" + test.shortName();
        } else {
            verdict = Verdict.HELD;
            reason = "bad end state never seen in " + samples + " samples";
        }
        return new TestVerdict(test, samples, bad, unexpected, verdict, reason, run.outcomes(), run.jvmConfigs(),
                run.samplingSeconds(), null);
    }

    private static long sum(List<OutcomeCount> outcomes, Expect expect) {
        return outcomes.stream().filter(o -> o.expect() == expect).mapToLong(OutcomeCount::count).sum();
    }

    private static String forbiddenStates(TestRun run) {
        return run.outcomes().stream()
                .filter(o -> o.count() > 0 && (o.expect() == Expect.FORBIDDEN || o.expect() == Expect.UNKNOWN))
                .map(o -> "[" + o.state() + "] x" + o.count()
                        + (o.description() == null || o.description().isEmpty() ? "" : " (" + o.description() + ")"))
                .collect(Collectors.joining(", "));
    }

    private static String messageTail(TestRun run) {
        List<String> lines = run.messages().stream().map(String::strip).filter(s -> !s.isEmpty())
                .limit(MESSAGE_LINES).collect(Collectors.toList());
        return lines.isEmpty() ? "" : ": " + String.join(" | ", lines);
    }
}
