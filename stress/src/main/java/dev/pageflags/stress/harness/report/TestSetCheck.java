package dev.pageflags.stress.harness.report;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Refuses runs of different test sets: a merged table with a row missing would read as a test that
 * did not fail. Tests are compared by name; every run is compared with the first one given.
 */
public final class TestSetCheck {
    private static final int SHOWN = 10;

    private TestSetCheck() {
    }

    public static void check(List<RunSummary> runs) throws MergeException {
        RunSummary first = runs.get(0);
        Set<String> reference = names(first);
        for (RunSummary other : runs.subList(1, runs.size())) {
            Set<String> names = names(other);
            Set<String> onlyFirst = new LinkedHashSet<>(reference);
            onlyFirst.removeAll(names);
            Set<String> onlyOther = new LinkedHashSet<>(names);
            onlyOther.removeAll(reference);
            if (!onlyFirst.isEmpty() || !onlyOther.isEmpty()) {
                StringBuilder message = new StringBuilder("different test sets: ").append(first.fileLabel())
                        .append(" and ").append(other.fileLabel()).append(" ran different tests");
                describe(message, onlyFirst, first);
                describe(message, onlyOther, other);
                throw new MergeException(message.toString());
            }
        }
    }

    private static Set<String> names(RunSummary run) {
        Set<String> names = new LinkedHashSet<>();
        run.tests().forEach(t -> names.add(t.test()));
        return names;
    }

    private static void describe(StringBuilder message, Set<String> only, RunSummary run) {
        if (only.isEmpty()) {
            return;
        }
        // A selection that differs wholesale (races vs all) would list a hundred names; ten say enough.
        message.append("; only in ").append(run.fileLabel()).append(" (").append(only.size()).append("): ");
        message.append(String.join(", ", only.stream().limit(SHOWN).toList()));
        if (only.size() > SHOWN) {
            message.append(", ...");
        }
    }
}
