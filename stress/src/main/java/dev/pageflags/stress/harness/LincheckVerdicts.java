package dev.pageflags.stress.harness;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The verdicts the Lincheck checks write during the test phase to {@code lincheck/verdicts.json},
 * keyed by JCStress test so each joins the row of its own test.
 *
 * <p>The file must carry this build's run id: a file from an earlier build (stale), a missing file
 * or one that does not follow the contract is an error naming the file, never silently merged.
 */
public final class LincheckVerdicts {
    /** The verdict words a record may carry. */
    public static final Set<String> VERDICTS = Set.of("violation-found", "no-violation-in-bound",
            "not-applicable", "failed");

    private final Map<String, LincheckVerdict> byTest;

    private LincheckVerdicts(Map<String, LincheckVerdict> byTest) {
        this.byTest = byTest;
    }

    public static LincheckVerdicts none() {
        return new LincheckVerdicts(Map.of());
    }

    /** The file's shape, as Gson fills it; boxed fields so that a missing one can be told from 0. */
    private static final class FileShape {
        String runId;
        String jvm;
        List<RecordShape> records;
    }

    private static final class RecordShape {
        String test;
        String verdict;
        Integer invocations;
        Integer bound;
        Boolean complete;
        String trace;
        String note;
    }

    /** Reads the file and checks it belongs to run {@code runId}. */
    public static LincheckVerdicts read(Path file, String runId) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("Lincheck verdicts " + file + " are missing: the Lincheck checks of this build"
                    + " (the test phase) did not write them. Run the unit tests first, or pass --lincheck=none.");
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            return parse(text, runId);
        } catch (IllegalArgumentException | JsonParseException e) {
            throw new IOException("Lincheck verdicts " + file + " are unusable: " + e.getMessage(), e);
        }
    }

    static LincheckVerdicts parse(String json, String runId) {
        FileShape shape = new Gson().fromJson(json, FileShape.class);
        if (shape == null || shape.records == null) {
            throw new IllegalArgumentException("expected {\"runId\": ..., \"jvm\": ..., \"records\": [...]}");
        }
        if (!runId.equals(shape.runId)) {
            throw new IllegalArgumentException("they are from run " + shape.runId + ", not this run " + runId
                    + " (stale: left by an earlier build)");
        }
        Map<String, LincheckVerdict> byTest = new LinkedHashMap<>();
        for (RecordShape r : shape.records) {
            if (r == null || r.test == null || r.test.isBlank()) {
                throw new IllegalArgumentException("a record has no \"test\"");
            }
            if (r.verdict == null || !VERDICTS.contains(r.verdict)) {
                throw new IllegalArgumentException(r.test + ": verdict " + r.verdict + " is not one of " + VERDICTS);
            }
            if (r.invocations == null || r.bound == null || r.complete == null) {
                throw new IllegalArgumentException(r.test + ": \"invocations\", \"bound\" and \"complete\" are required");
            }
            LincheckVerdict v = new LincheckVerdict(r.test, r.verdict, r.invocations, r.bound, r.complete, r.trace,
                    r.note);
            if (byTest.put(jcstressName(r.test), v) != null) {
                throw new IllegalArgumentException(r.test + " has two records");
            }
        }
        return new LincheckVerdicts(byTest);
    }

    /** The verdict for a JCStress test (JCStress spells nested classes with '.'), or null. */
    public LincheckVerdict forTest(String jcstressName) {
        return byTest.get(jcstressName);
    }

    public int size() {
        return byTest.size();
    }

    /** {@code Class.getName()} of a nested class joins with '$'; JCStress's test name with '.'. */
    private static String jcstressName(String className) {
        return className.trim().replace('$', '.');
    }
}
