package dev.pageflags.bench.run;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.pageflags.bench.report.NativeFloor;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds the native floor (bench/src/main/c/floor.c, packed into the jar as {@code native/floor.c})
 * with the machine's gcc, runs it before and after the JMH run so that both sides of every ratio
 * see the same machine, and writes the pooled samples beside the JMH results. Without gcc, or off
 * x86-64, {@link #prepare} says so and returns nothing: the report then goes without the floor.
 */
final class NativeFloorRunner implements AutoCloseable {
    private static final String SOURCE = "/native/floor.c";

    private final PrintStream log;
    private final Path work;
    private final Path binary;
    private final List<String> args;
    private final List<JsonObject> runs = new ArrayList<>();

    private NativeFloorRunner(PrintStream log, Path work, Path binary, List<String> args) {
        this.log = log;
        this.work = work;
        this.binary = binary;
        this.args = args;
    }

    /** Compiles the floor, or explains why there is none; fails when gcc is there but the build breaks. */
    static Optional<NativeFloorRunner> prepare(PrintStream log, SuiteOptions.Mode mode) throws IOException {
        String arch = System.getProperty("os.arch", "");
        if (!arch.equals("amd64") && !arch.equals("x86_64")) {
            log.println("[native floor] skipped: the floor is x86-64 inline asm and this is " + arch);
            return Optional.empty();
        }
        Optional<Path> gcc = onPath("gcc");
        if (gcc.isEmpty()) {
            log.println("[native floor] skipped: no gcc on PATH; the report will have no Java / native ratios");
            return Optional.empty();
        }
        Path work = Files.createTempDirectory("pageflags-floor");
        try {
            Path source = work.resolve("floor.c");
            try (InputStream in = NativeFloorRunner.class.getResourceAsStream(SOURCE)) {
                if (in == null) {
                    throw new IOException(SOURCE + " is missing from the classpath (a broken benchmarks.jar)");
                }
                Files.copy(in, source);
            }
            Path binary = work.resolve("floor");
            exec(List.of(gcc.get().toString(), "-O2", "-Wall", "-o", binary.toString(), source.toString()),
                    work.resolve("gcc.out"), 120, "gcc");
            // Half the batches before the JMH run, half after.
            List<String> args = mode == SuiteOptions.Mode.SMOKE
                    ? List.of("--batches", "2", "--batch-ms", "5")
                    : List.of("--batches", "15", "--batch-ms", "20");
            return Optional.of(new NativeFloorRunner(log, work, binary, args));
        } catch (IOException | RuntimeException e) {
            delete(work);
            throw e;
        }
    }

    /** One timed pass over every instruction; {@code when} is for the log. */
    void measure(String when) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(binary.toString()));
        cmd.addAll(args);
        log.println("[native floor] " + when + ": " + String.join(" ", cmd));
        Path output = work.resolve("run-" + runs.size() + ".json");
        exec(cmd, output, 600, "the native floor");
        runs.add(JsonParser.parseString(Files.readString(output)).getAsJsonObject());
    }

    /** Pools every pass's samples per instruction into {@code dir/native-floor.json}. */
    Path write(Path dir) throws IOException {
        if (runs.isEmpty()) {
            throw new IllegalStateException("the native floor was never measured");
        }
        Path file = dir.resolve(NativeFloor.FILE_NAME);
        Files.writeString(file, new GsonBuilder().setPrettyPrinting().create().toJson(pool(runs)) + "\n");
        NativeFloor floor = NativeFloor.read(file);
        floor.ops().forEach(op -> log.printf("[native floor] %-15s %s ns%n", op.name(), op.nsPerOp().format()));
        return file;
    }

    /** The first pass's document, its sample arrays extended with the other passes' samples. */
    static JsonObject pool(List<JsonObject> passes) {
        JsonObject pooled = passes.get(0).deepCopy();
        int batches = 0;
        for (JsonElement op : pooled.getAsJsonArray("ops")) {
            JsonObject o = op.getAsJsonObject();
            JsonArray samples = new JsonArray();
            for (JsonObject pass : passes) {
                for (JsonElement other : pass.getAsJsonArray("ops")) {
                    if (other.getAsJsonObject().get("name").equals(o.get("name"))) {
                        samples.addAll(other.getAsJsonObject().getAsJsonArray("nsPerOp"));
                    }
                }
            }
            o.add("nsPerOp", samples);
            batches = samples.size();
        }
        pooled.addProperty("batches", batches);
        pooled.addProperty("passes", passes.size());
        return pooled;
    }

    @Override
    public void close() throws IOException {
        delete(work);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Runs a command, its standard output into {@code stdout}; a non-zero exit is an IOException with its stderr. */
    private static void exec(List<String> cmd, Path stdout, int timeoutSeconds, String what) throws IOException {
        Path stderr = Files.createTempFile("pageflags-floor", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(what + " did not finish within " + timeoutSeconds + " s");
            }
            if (p.exitValue() != 0) {
                throw new IOException(what + " failed (exit " + p.exitValue() + "): "
                        + Files.readString(stderr, StandardCharsets.UTF_8).strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(what + " interrupted", e);
        } finally {
            Files.deleteIfExists(stderr);
        }
    }

    static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, program);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
