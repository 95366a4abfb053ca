package dev.pageflags.stress.harness;

import com.google.gson.GsonBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Where the reports go, clearing out the previous run's, and what a refused run leaves in their place. */
public final class ReportFiles {
    static final String SUMMARY_JSON = "summary.json";
    static final String SUMMARY_MD = "summary.md";
    static final String LITMUS_MD = "litmus.md";

    private ReportFiles() {
    }

    /** Empties the results directory so no page of an earlier run (another selection, another budget) survives. */
    public static void clear(Path resultsDir) throws IOException {
        if (Files.isDirectory(resultsDir)) {
            try (Stream<Path> all = Files.walk(resultsDir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    if (!p.equals(resultsDir)) {
                        Files.delete(p);
                    }
                }
            }
        }
        Files.createDirectories(resultsDir);
    }

    /**
     * The name of one JCStress process's files: its kinds, "races" or "litmus-atomicity". The calibration
     * test rides with the races (their budget) and does not rename their files; alone, it runs under the
     * races' name too.
     */
    static String label(List<TestKind> kinds) {
        List<String> named = kinds.stream().filter(k -> k != TestKind.CALIBRATION).map(TestKind::label).toList();
        return named.isEmpty() ? TestKind.RACES.label() : String.join("-", named);
    }

    /** JCStress's HTML report of a process: the races' at the top, as before there were kinds, the others beside. */
    static Path htmlDir(Path resultsDir, String label) {
        return isRaces(label) ? resultsDir : resultsDir.resolve(label);
    }

    static String outputLog(String label) {
        return isRaces(label) ? "jcstress-output.txt" : "jcstress-output-" + label + ".txt";
    }

    static String resultCopy(String label) {
        return isRaces(label) ? "jcstress-results.bin.gz" : "jcstress-results-" + label + ".bin.gz";
    }

    private static boolean isRaces(String label) {
        return label.equals(TestKind.RACES.label());
    }

    /** Writes summary.json, summary.md and litmus.md; returns the files written. */
    public static List<Path> write(SuiteReport report, Path resultsDir) throws IOException {
        Files.createDirectories(resultsDir);
        return List.of(
                write(resultsDir.resolve(SUMMARY_JSON), SummaryJson.render(report)),
                write(resultsDir.resolve(SUMMARY_MD), SummaryMarkdown.render(report)),
                write(resultsDir.resolve(LITMUS_MD), LitmusTable.page(report)));
    }

    /** A failing summary in place of the reports of a run that was refused or could not start. */
    static void writeRefusal(Path resultsDir, String why) {
        try {
            Files.createDirectories(resultsDir);
            write(resultsDir.resolve(SUMMARY_MD), "# JCStress suite: refused, nothing ran\n\n" + why + "\n");
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("refused", why);
            root.put("tests", List.of());
            write(resultsDir.resolve(SUMMARY_JSON), new GsonBuilder().setPrettyPrinting().create().toJson(root) + "\n");
        } catch (IOException e) {
            // The refusal itself is on the console; a missing summary is no worse than a stale one.
        }
    }

    private static Path write(Path file, String text) throws IOException {
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
