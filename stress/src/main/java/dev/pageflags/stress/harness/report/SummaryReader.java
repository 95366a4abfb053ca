package dev.pageflags.stress.harness.report;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads one suite summary.json with Gson and refuses, naming the file, anything the merge could only
 * misreport: a missing file, text that is not JSON, JSON that is not a suite summary, and a refused run
 * (its {@code problem} set), whose rows are errors rather than measurements.
 */
public final class SummaryReader {
    private static final Gson GSON = new Gson();

    /** The file's shape as Gson maps it; the merge's own record adds the file it came from. */
    private record FileShape(String runId, RunSummary.Machine machine, RunSummary.Budget budget,
                             List<RunSummary.TestRow> tests, List<RunSummary.LitmusRow> litmus,
                             List<RunSummary.PairRow> atomicity, String problem) {
    }

    private SummaryReader() {
    }

    public static RunSummary read(Path file) throws MergeException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new MergeException(file + ": no such file");
        } catch (IOException e) {
            throw new MergeException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw new MergeException(file + ": not JSON (" + e.getMessage() + ")");
        }
        // Checked on the tree first: Gson would map a JSON object of any shape to a record of nulls.
        if (!root.isJsonObject()) {
            throw new MergeException(file + ": not a stress suite summary.json (not a JSON object)");
        }
        JsonObject object = root.getAsJsonObject();
        for (String required : List.of("tests", "machine")) {
            if (!object.has(required) || object.get(required).isJsonNull()) {
                throw new MergeException(file + ": not a stress suite summary.json (no " + required
                        + (required.equals("tests") ? "[]" : "") + ")");
            }
        }
        if (!object.get("tests").isJsonArray() || !object.get("machine").isJsonObject()) {
            throw new MergeException(file + ": not a stress suite summary.json (tests is not an array"
                    + " or machine is not an object)");
        }
        FileShape shape;
        try {
            shape = GSON.fromJson(object, FileShape.class);
        } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
            throw new MergeException(file + ": not a stress suite summary.json (" + e.getMessage() + ")");
        }
        if (shape.problem() != null && !shape.problem().isBlank()) {
            throw new MergeException(file + ": a refused run, not merged (problem: " + shape.problem() + ")");
        }
        for (RunSummary.TestRow row : shape.tests()) {
            if (row == null || row.test() == null) {
                throw new MergeException(file + ": not a stress suite summary.json (a tests[] row without test)");
            }
        }
        return new RunSummary(file, shape.runId(), shape.machine(), shape.budget(), shape.tests(),
                shape.litmus() == null ? List.of() : shape.litmus(),
                shape.atomicity() == null ? List.of() : shape.atomicity());
    }
}
