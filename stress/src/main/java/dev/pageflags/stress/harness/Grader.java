package dev.pageflags.stress.harness;

import dev.pageflags.stress.LitmusTest;
import dev.pageflags.stress.RaceVariant;
import org.openjdk.jcstress.annotations.Expect;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns what JCStress recorded for a test into a verdict, by the test's declared bad states only.
 * JCStress's own pass/fail is not enough: it passes a broken variant that never showed its race, and
 * a test it skipped. Any sample in a FORBIDDEN state (named, the catch-all, or one JCStress could not
 * grade) fails any kind of test, whatever else it showed.
 */
public final class Grader {
    private static final int MESSAGE_LINES = 5;

    private Grader() {
    }

    /** A selected test that was deliberately not run; no failure. */
    public static TestVerdict notRun(SuiteTest test, String why) {
        return new TestVerdict(test, 0, 0, 0, Verdict.NOT_RUN, why, List.of(), List.of(), 0, null, null);
    }

    /** A selected test that could not be judged: it should have run but left no usable record. */
    public static TestVerdict error(SuiteTest test, String why) {
        return new TestVerdict(test, 0, 0, 0, Verdict.ERROR, why, List.of(), List.of(), 0, null, null);
    }

    /** Grades one run; {@code x86} says whether x86-TSO verdicts of litmus tests apply on this machine. */
    public static TestVerdict grade(SuiteTest test, TestRun run, boolean x86) {
        long samples = run.samples();
        long bad = run.outcomes().stream().filter(o -> test.isBadState(o.state()))
                .mapToLong(OutcomeCount::count).sum();
        long forbidden = run.outcomes().stream().filter(Grader::isForbidden).mapToLong(OutcomeCount::count).sum();

        Verdict verdict;
        String reason;
        if (!run.isNormal()) {
            verdict = Verdict.ERROR;
            reason = "JCStress reported " + run.status() + messageTail(run);
        } else if (samples == 0) {
            verdict = Verdict.ERROR;
            reason = "JCStress ran it but recorded no samples" + messageTail(run);
        } else if (forbidden > 0) {
            verdict = Verdict.FAILED;
            reason = "FORBIDDEN states seen: " + forbiddenStates(run) + " in " + samples + " samples";
        } else {
            Expectation e = expectation(test, x86);
            reason = (bad > 0 ? "bad state seen " + bad + " times" : "bad state never seen") + " in " + samples
                    + " samples";
            verdict = switch (e) {
                case MUST_SEE -> bad > 0 ? seen(test) : unseen(test);
                case NEVER -> test.claim() instanceof Claim.Race r && r.claim() == RaceVariant.Claim.SAFE_BY_COHERENCE
                        ? Verdict.SAFE_BY_COHERENCE : Verdict.HELD;
                case REPORT_ONLY -> Verdict.REPORTED;
                case NOT_ON_X86 -> Verdict.NOT_ON_X86;
                case RATE_ONLY -> Verdict.MEASURED;
            };
            if (verdict == Verdict.NOT_REPRODUCED) {
                reason += "; raise the budget: -Dstress.budget=tough -Dstress.test=" + test.shortName();
            } else if (verdict == Verdict.NOT_ON_X86) {
                reason = "allowed, not reachable on x86: " + reason;
            } else if (verdict == Verdict.REPORTED) {
                reason = "not x86, so no verdict: " + reason;
            } else if (verdict == Verdict.MEASURED) {
                reason = test.variantLabel() + ", graded by its rate only: " + samples + " samples, every one in a declared"
                        + " state";
            }
        }
        return new TestVerdict(test, samples, bad, forbidden, verdict, claimPrefix(test) + reason, run.outcomes(),
                run.jvmConfigs(), run.samplingSeconds(), null, run.resources());
    }

    /** Names what was checked where the class name alone does not: the litmus test, or the bit-op pair. */
    static String claimPrefix(SuiteTest test) {
        if (test.claim() instanceof Claim.Litmus litmus) {
            return "litmus " + litmus.name() + " (LKMM: " + (litmus.lkmm() == LitmusTest.Lkmm.NEVER ? "Never" : "Sometimes")
                    + ", x86-TSO: " + (litmus.x86() == LitmusTest.Tso.ALLOWED ? "allowed" : "forbidden") + "): ";
        }
        if (test.claim() instanceof Claim.Atomicity pair) {
            return "pair " + pair.pair() + " (" + pair.label() + "): ";
        }
        return "";
    }

    /** What the run must show of the declared bad states; RATE_ONLY: none to show, only samples to take. */
    enum Expectation { MUST_SEE, NEVER, REPORT_ONLY, NOT_ON_X86, RATE_ONLY }

    static Expectation expectation(SuiteTest test, boolean x86) {
        Claim claim = test.claim();
        if (claim instanceof Claim.Race race) {
            return race.mustSee() ? Expectation.MUST_SEE : Expectation.NEVER;
        }
        if (claim instanceof Claim.Atomicity pair) {
            return pair.atomic() ? Expectation.NEVER : Expectation.MUST_SEE;
        }
        if (claim instanceof Claim.Calibration || claim instanceof Claim.SampleCost) {
            return Expectation.RATE_ONLY;
        }
        Claim.Litmus litmus = (Claim.Litmus) claim;
        if (litmus.lkmm() == LitmusTest.Lkmm.NEVER) {
            return Expectation.NEVER;
        }
        if (litmus.x86() == LitmusTest.Tso.FORBIDDEN) {
            return Expectation.NOT_ON_X86;
        }
        return x86 ? Expectation.MUST_SEE : Expectation.REPORT_ONLY;
    }

    private static Verdict seen(SuiteTest test) {
        return test.kind() == TestKind.RACES ? Verdict.REPRODUCED : Verdict.OBSERVED;
    }

    private static Verdict unseen(SuiteTest test) {
        return test.kind() == TestKind.RACES ? Verdict.NOT_REPRODUCED : Verdict.NOT_OBSERVED;
    }

    static boolean isForbidden(OutcomeCount o) {
        return o.count() > 0 && (o.expect() == Expect.FORBIDDEN || o.expect() == Expect.UNKNOWN);
    }

    private static String forbiddenStates(TestRun run) {
        return run.outcomes().stream().filter(Grader::isForbidden)
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
