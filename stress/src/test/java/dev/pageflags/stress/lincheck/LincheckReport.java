package dev.pageflags.stress.lincheck;

import org.jetbrains.lincheck.Lincheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * What the Lincheck checks leave behind: each failing interleaving as text under
 * {@code results/lincheck/}, and one verdict per JCStress test in
 * {@code <build dir>/lincheck/verdicts.json}, which the suite runner joins to its summary.
 *
 * <p>Surefire passes both places as system properties ({@code results.dir},
 * {@code project.build.directory}); run from an IDE, the defaults are relative to the stress module.
 * The verdicts file is rewritten after every check, so it always holds this JVM's verdicts so far.
 */
final class LincheckReport {
    private static final Path RESULTS_DIR = Paths.get(System.getProperty("results.dir", "../results"));
    private static final Path VERDICTS_FILE =
            Paths.get(System.getProperty("project.build.directory", "target"), "lincheck", "verdicts.json");

    private static final List<Verdict> VERDICTS = new ArrayList<>();

    /** One row of verdicts.json. {@code trace} is relative to results/, or null. */
    record Verdict(Class<?> test, String verdict, int invocations, boolean complete, String trace, String note) {
    }

    private LincheckReport() {
    }

    /**
     * Keeps a failing interleaving as {@code results/lincheck/<TestName>.txt}, where TestName is the
     * JCStress test's name without its package ({@code Race004_X.Broken}).
     *
     * @return the file's path relative to results/
     */
    static String keepTrace(Class<?> test, Exploration e) {
        String relative = tracePath(test);
        String text = "Lincheck " + lincheckVersion() + " model check of " + test.getName() + "\n"
                + "JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + "\n"
                + "Bound: " + e.bound() + " invocations; " + e.summary() + "\n"
                + "Read the first table: one column per thread (Main runs the scenario's setup and its end-state"
                + " check, Thread 1 is actor1, Thread 2 is actor2), one row per shared-memory access or call in execution"
                + " order; 'switch' marks where the scheduler moved to the other thread.\n"
                + e.report() + "\n";
        write(RESULTS_DIR.resolve(relative), text);
        return relative;
    }

    /** A check that found nothing removes the trace an earlier run may have left for the same test. */
    static void dropTrace(Class<?> test) {
        try {
            Files.deleteIfExists(RESULTS_DIR.resolve(tracePath(test)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the stale trace of " + test.getName(), e);
        }
    }

    static synchronized void record(Verdict v) {
        VERDICTS.add(v);
        StringBuilder json = new StringBuilder("{\"verdicts\":[\n");
        for (int i = 0; i < VERDICTS.size(); i++) {
            Verdict r = VERDICTS.get(i);
            json.append("  {\"test\": ").append(quote(r.test().getName()))
                    .append(", \"verdict\": ").append(quote(r.verdict()))
                    .append(", \"invocations\": ").append(r.invocations())
                    .append(", \"complete\": ").append(r.complete())
                    .append(", \"trace\": ").append(r.trace() == null ? "null" : quote(r.trace()))
                    .append(", \"note\": ").append(quote(r.note()))
                    .append(i + 1 < VERDICTS.size() ? "},\n" : "}\n");
        }
        write(VERDICTS_FILE, json.append("]}\n").toString());
    }

    private static String tracePath(Class<?> test) {
        return "lincheck/" + shortName(test) + ".txt";
    }

    static String shortName(Class<?> test) {
        String name = test.getName();
        return name.substring(name.lastIndexOf('.') + 1).replace('$', '.');
    }

    static String lincheckVersion() {
        String v = Lincheck.class.getPackage().getImplementationVersion();
        return v == null ? "(unknown version)" : v;
    }

    /** The JVM the checks run on, for notes: the JDK matters (see the README's JDK note). */
    static String jvm() {
        return "JDK " + Runtime.version().feature();
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.toAbsolutePath(), e);
        }
    }

    private static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20) {
                        q.append(String.format("\\u%04x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
