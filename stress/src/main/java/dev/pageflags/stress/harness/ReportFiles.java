package dev.pageflags.stress.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Where the reports go, and clearing out the previous run's. */
public final class ReportFiles {
    static final String SUMMARY_JSON = "summary.json";
    static final String SUMMARY_MD = "summary.md";
    static final String JUNIT_COPY = "junit";

    private ReportFiles() {
    }

    /**
     * Empties the results directory so no page of an earlier run (another selection, another budget)
     * sits beside this run's, and drops this suite's old JUnit files (not the unit tests').
     */
    public static void prepare(Path resultsDir, Path junitDir) throws IOException {
        deleteContents(resultsDir);
        Files.createDirectories(resultsDir);
        Files.createDirectories(junitDir);
        try (Stream<Path> old = Files.list(junitDir)) {
            for (Path p : old.filter(p -> p.getFileName().toString().startsWith(JUnitXml.PREFIX)).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Writes summary.json, summary.md and the JUnit files; returns the files written. */
    public static List<Path> write(SuiteReport report, Path resultsDir, Path junitDir) throws IOException {
        Files.createDirectories(resultsDir);
        Files.createDirectories(junitDir);
        Path junitCopy = resultsDir.resolve(JUNIT_COPY);
        Files.createDirectories(junitCopy);
        Path json = write(resultsDir.resolve(SUMMARY_JSON), SummaryJson.render(report));
        Path md = write(resultsDir.resolve(SUMMARY_MD), SummaryMarkdown.render(report));
        for (Map.Entry<String, String> e : JUnitXml.render(report).entrySet()) {
            write(junitDir.resolve(e.getKey()), e.getValue());
            write(junitCopy.resolve(e.getKey()), e.getValue());
        }
        return List.of(json, md, junitDir, junitCopy);
    }

    private static Path write(Path file, String text) throws IOException {
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void deleteContents(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        }
    }
}
