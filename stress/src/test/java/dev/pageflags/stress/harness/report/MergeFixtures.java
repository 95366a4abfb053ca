package dev.pageflags.stress.harness.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The two committed reference runs of the suite (JDK 17 and JDK 25, results/reference/stress and
 * stress-jdk25), read where they are committed, and a way to run the tool and keep its output.
 */
final class MergeFixtures {
    static final String JDK17 = "jdk17-summary.json";
    static final String JDK25 = "jdk25-summary.json";
    private static final Path REFERENCE = Path.of("..", "results", "reference");

    private MergeFixtures() {
    }

    /** A committed reference summary, copied into {@code dir} as {@code name} so a test may rename it. */
    static Path real(String name, Path dir) throws IOException {
        Path source = REFERENCE.resolve(switch (name) {
            case JDK17 -> "stress";
            case JDK25 -> "stress-jdk25";
            default -> throw new IllegalArgumentException("no reference run " + name);
        }).resolve("summary.json");
        return Files.copy(source, dir.resolve(name));
    }

    /** How many tests of a summary are of one of the kinds given ("races", "calibration", ...). */
    static int testsOfKind(Path summary, String... kinds) throws IOException {
        java.util.Set<String> wanted = java.util.Set.of(kinds);
        int n = 0;
        for (com.google.gson.JsonElement t : json(summary).getAsJsonArray("tests")) {
            if (wanted.contains(t.getAsJsonObject().get("kind").getAsString())) {
                n++;
            }
        }
        return n;
    }

    static JsonObject json(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }

    /** A copy of a real summary with {@code edit} applied, written as {@code name} in {@code dir}. */
    static Path edited(String source, Path dir, String name, Consumer<JsonObject> edit) throws IOException {
        JsonObject root = json(real(source, Files.createTempDirectory(dir, "src")));
        edit.accept(root);
        return Files.writeString(dir.resolve(name), new GsonBuilder().setPrettyPrinting().create().toJson(root));
    }

    record Result(int code, String out, String err) {
    }

    static Result run(Object... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] strings = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            strings[i] = args[i].toString();
        }
        int code = MergeSummaries.run(strings, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
