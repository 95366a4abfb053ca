package dev.pageflags.report;

import java.util.LinkedHashMap;
import java.util.Map;

/** Counts verdict words, for a part's status line and the summary line of a collapsed table. */
final class Tally {
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private int total;
    private int failing;
    private int notRun;

    void add(String verdict) {
        String word = verdict == null ? "no verdict" : verdict;
        counts.merge(word, 1, Integer::sum);
        total++;
        if (SuiteVerdicts.tone(verdict) == Tone.FAIL) {
            failing++;
        }
        if ("not-run".equals(verdict)) {
            notRun++;
        }
    }

    int total() {
        return total;
    }

    Tone tone() {
        return failing > 0 ? Tone.FAIL : Tone.PASS;
    }

    /** "all 106 tests as expected (40 not run)", "2 of 106 tests need attention". */
    String line() {
        if (total == 0) {
            return "no test ran";
        }
        String line = failing == 0 ? "all " + total + " tests as expected"
                : failing + " of " + total + " tests need attention";
        return notRun == 0 ? line : line + " (" + notRun + " not run)";
    }

    /** "held 20, observed 4, not-run 6", in the order the words first came. */
    String counts() {
        StringBuilder s = new StringBuilder();
        counts.forEach((word, n) -> s.append(s.isEmpty() ? "" : ", ").append(word).append(' ').append(n));
        return s.toString();
    }
}
