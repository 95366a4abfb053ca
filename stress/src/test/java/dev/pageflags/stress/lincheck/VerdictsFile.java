package dev.pageflags.stress.lincheck;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code <build dir>/lincheck/verdicts.json}: the verdicts of the checks this JVM ran, stamped with
 * the run id the suite runner checks.
 *
 * <p>The file is removed when this class is initialised, which {@link VerdictsFileReset} does when
 * the test plan starts: an earlier run's verdicts can never pass for this run's, even when this
 * JVM runs no check at all. It is rewritten whole after every check, so an interrupted run leaves
 * the verdicts it reached and no half-written JSON.
 */
final class VerdictsFile {
    static final Path PATH =
            Paths.get(System.getProperty("project.build.directory", "target"), "lincheck", "verdicts.json");

    /** Maven passes the build's run id; an IDE run has none. */
    static final String RUN_ID = System.getProperty("pf.runId", "unset");

    private static final Gson GSON = new GsonBuilder().serializeNulls().setPrettyPrinting().create();
    private static final List<VerdictRecord> RECORDS = new ArrayList<>();

    static {
        try {
            Files.deleteIfExists(PATH);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the previous run's " + PATH.toAbsolutePath(), e);
        }
    }

    /** The file's top level. */
    private record Contents(String runId, String jvm, List<VerdictRecord> records) {
    }

    private VerdictsFile() {
    }

    /** Forces the static initialiser, and with it the removal of the previous run's file. */
    static void reset() {
    }

    static synchronized void add(VerdictRecord verdict) {
        RECORDS.add(verdict);
        write(GSON.toJson(new Contents(RUN_ID, RunEnvironment.jvm(), RECORDS)));
    }

    private static void write(String json) {
        try {
            Files.createDirectories(PATH.toAbsolutePath().getParent());
            Path partial = PATH.resolveSibling(PATH.getFileName() + ".partial");
            Files.writeString(partial, json + "\n", StandardCharsets.UTF_8);
            Files.move(partial, PATH, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + PATH.toAbsolutePath(), e);
        }
    }
}
