package dev.pageflags.stress.lincheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The interleavings Lincheck reported, one text file per JCStress test under
 * {@code results/lincheck/}, named {@code <OuterClass>.<Variant>.txt}.
 */
final class TraceFiles {
    private static final Path RESULTS_DIR = Paths.get(System.getProperty("results.dir", "../results"));

    private TraceFiles() {
    }

    /** Keeps Lincheck's report of this exploration; returns its path relative to results/. */
    static String keep(JCStressClass test, Exploration e) {
        String relative = relativePath(test);
        String text = "Lincheck " + RunEnvironment.lincheckVersion() + " model check of " + test.name() + "\n"
                + "JVM: " + RunEnvironment.jvm() + "\n"
                + e.summary() + "\n"
                + "How to read it: see stress/src/test/java/dev/pageflags/stress/lincheck/README.md\n\n"
                + (e.report() != null ? e.report() : String.valueOf(e.otherFailure())) + "\n";
        Path file = RESULTS_DIR.resolve(relative);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException io) {
            throw new UncheckedIOException("cannot write " + file.toAbsolutePath(), io);
        }
        return relative;
    }

    /** A check with nothing to show removes what an earlier run left for the same test. */
    static void drop(JCStressClass test) {
        Path file = RESULTS_DIR.resolve(relativePath(test));
        try {
            Files.deleteIfExists(file);
        } catch (IOException io) {
            throw new UncheckedIOException("cannot remove the stale trace " + file.toAbsolutePath(), io);
        }
    }

    private static String relativePath(JCStressClass test) {
        return "lincheck/" + test.shortName() + ".txt";
    }
}
