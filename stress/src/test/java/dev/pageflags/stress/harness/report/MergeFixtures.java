package dev.pageflags.stress.harness.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** The two real summaries (JDK 17, JDK 25 of the same suite) and a way to run the tool and keep its output. */
final class MergeFixtures {
    static final String JDK17 = "jdk17-summary.json";
    static final String JDK25 = "jdk25-summary.json";

    private MergeFixtures() {
    }

    /** A real summary, copied into {@code dir} so a test may give it any name. */
    static Path real(String name, Path dir) throws IOException {
        try {
            Path source = Path.of(MergeFixtures.class.getResource("/merge/" + name).toURI());
            return Files.copy(source, dir.resolve(name));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
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
