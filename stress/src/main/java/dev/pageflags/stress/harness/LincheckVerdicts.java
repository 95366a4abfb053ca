package dev.pageflags.stress.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The verdicts the Lincheck checks leave in {@code lincheck/verdicts.json} during the test phase,
 * keyed by JCStress test name so each can join the row of the same test.
 */
public final class LincheckVerdicts {
    private final Map<String, LincheckVerdict> byTest;

    private LincheckVerdicts(Map<String, LincheckVerdict> byTest) {
        this.byTest = byTest;
    }

    public static LincheckVerdicts none() {
        return new LincheckVerdicts(Map.of());
    }

    /** Reads the file; no file means no verdicts. A file that is there but malformed is an error. */
    public static LincheckVerdicts read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return none();
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IOException("Cannot read Lincheck verdicts " + file + ": " + e.getMessage(), e);
        }
    }

    static LincheckVerdicts parse(String json) {
        Object root = Json.parse(json);
        if (!(root instanceof Map<?, ?> map) || !(map.get("verdicts") instanceof List<?> list)) {
            throw new IllegalArgumentException("expected {\"verdicts\": [...]}");
        }
        Map<String, LincheckVerdict> byTest = new LinkedHashMap<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> v) || !(v.get("test") instanceof String test)) {
                throw new IllegalArgumentException("each verdict needs a \"test\" string");
            }
            byTest.put(normalise(test), new LincheckVerdict(test, (String) v.get("verdict"),
                    v.get("invocations") instanceof Number n ? n.longValue() : null,
                    (Boolean) v.get("complete"), (String) v.get("trace"), (String) v.get("note")));
        }
        return new LincheckVerdicts(byTest);
    }

    /** The verdict for a JCStress test, matched on the full name or a dotted suffix of it; null if none. */
    public LincheckVerdict forTest(String testName) {
        LincheckVerdict exact = byTest.get(testName);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, LincheckVerdict> e : byTest.entrySet()) {
            if (testName.endsWith("." + e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    public int size() {
        return byTest.size();
    }

    private static String normalise(String name) {
        return name.trim().replace('$', '.');
    }
}
