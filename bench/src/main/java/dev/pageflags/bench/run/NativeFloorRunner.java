package dev.pageflags.bench.run;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.pageflags.bench.report.NativeFloor;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds the native floor (bench/src/main/c/floor.c, packed into the jar as {@code native/floor.c})
 * with the machine's gcc and runs it in rounds interleaved with the JMH run: one round before each
 * benchmark class and one after the last ({@link FloorBetweenGroups}), so the floor is sampled over
 * the same stretch of time, frequency and neighbours as the Java figures. Every round is kept in
 * {@code native-floor.json}; see {@link #document} for its shape. Without gcc, or off x86-64,
 * {@link #prepare} says so and returns nothing: the report then goes without the floor.
 */
final class NativeFloorRunner implements AutoCloseable {
    private static final String SOURCE = "/native/floor.c";

    private final PrintStream log;
    private final Path work;
    private final Path binary;
    private final List<String> args;
    private final List<Round> rounds = new ArrayList<>();

    /** One run of the floor binary: when it ran, before what, and the binary's own JSON. */
    record Round(int number, String before, Instant startedAt, JsonObject output) {
    }

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
            // A round per benchmark class: short enough that a dozen of them cost little of the run.
            List<String> args = mode == SuiteOptions.Mode.SMOKE
                    ? List.of("--batches", "2", "--batch-ms", "5")
                    : List.of("--batches", "5", "--batch-ms", "20");
            return Optional.of(new NativeFloorRunner(log, work, binary, args));
        } catch (IOException | RuntimeException e) {
            delete(work);
            throw e;
        }
    }

    /** A JMH runner printing to the console as JMH's own would, with a floor round between benchmark classes. */
    Runner interleavedWith(Options jmh) {
        return new Runner(jmh, new FloorBetweenGroups(JmhConsole.of(jmh), this::round));
    }

    /** One timed pass over every instruction; {@code before} says what it precedes, for the log and the file. */
    void round(String before) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(binary.toString()));
        cmd.addAll(args);
        int number = rounds.size() + 1;
        log.println("[native floor] round " + number + ", before " + before + ": " + String.join(" ", cmd));
        Instant started = Instant.now();
        Path output = work.resolve("round-" + number + ".json");
        exec(cmd, output, 600, "the native floor");
        rounds.add(new Round(number, before, started, JsonParser.parseString(Files.readString(output)).getAsJsonObject()));
    }

    /** Writes every round into {@code dir/native-floor.json}. */
    Path write(Path dir) throws IOException {
        if (rounds.isEmpty()) {
            throw new IllegalStateException("the native floor was never measured");
        }
        Path file = dir.resolve(NativeFloor.FILE_NAME);
        Files.writeString(file, new GsonBuilder().setPrettyPrinting().create().toJson(document(rounds)) + "\n");
        NativeFloor floor = NativeFloor.read(file);
        log.println("[native floor] " + rounds.size() + " rounds; mean of the round means, and their spread:");
        floor.ops().forEach(op -> log.printf("[native floor] %-20s %s ns%n", op.name(), op.nsPerOp().format()));
        return file;
    }

    /**
     * The file's document. {@code rounds}: every round as the binary printed it, with its number,
     * what it ran before and when, so no batch is pooled away. {@code ops}: per instruction, one
     * value per round in {@code nsPerOp}, that round's mean over its batches; a reader that takes
     * mean and interval of {@code nsPerOp} thus gets the round-to-round spread, the variation
     * between runs at different times of the JMH run, not the much smaller one within a round.
     */
    static JsonObject document(List<Round> rounds) {
        JsonObject first = rounds.get(0).output();
        JsonObject doc = new JsonObject();
        for (String key : List.of("tool", "compiler", "loop", "batches", "batchMs")) {
            if (first.has(key)) {
                doc.add(key, first.get(key).deepCopy());
            }
        }
        doc.addProperty("note", "ops[].nsPerOp: one value per round, the mean of that round's batches;"
                + " every batch is under rounds[].ops[].nsPerOp");
        JsonArray ops = new JsonArray();
        for (JsonElement e : first.getAsJsonArray("ops")) {
            JsonObject op = e.getAsJsonObject();
            String name = op.get("name").getAsString();
            JsonArray means = new JsonArray();
            for (Round r : rounds) {
                means.add(mean(samplesOf(r, name)));
            }
            JsonObject summary = new JsonObject();
            summary.addProperty("name", name);
            summary.add("instruction", op.get("instruction").deepCopy());
            summary.add("nsPerOp", means);
            ops.add(summary);
        }
        doc.add("ops", ops);
        JsonArray all = new JsonArray();
        for (Round r : rounds) {
            JsonObject round = new JsonObject();
            round.addProperty("round", r.number());
            round.addProperty("before", r.before());
            round.addProperty("startedAt", r.startedAt().toString());
            round.add("ops", r.output().getAsJsonArray("ops").deepCopy());
            all.add(round);
        }
        doc.add("rounds", all);
        return doc;
    }

    private static JsonArray samplesOf(Round round, String name) {
        for (JsonElement e : round.output().getAsJsonArray("ops")) {
            JsonObject op = e.getAsJsonObject();
            if (op.get("name").getAsString().equals(name)) {
                return op.getAsJsonArray("nsPerOp");
            }
        }
        throw new IllegalStateException("round " + round.number() + " has no instruction " + name);
    }

    private static double mean(JsonArray samples) {
        if (samples.isEmpty()) {
            throw new IllegalStateException("a floor instruction with no batches");
        }
        double sum = 0;
        for (JsonElement s : samples) {
            sum += s.getAsDouble();
        }
        return sum / samples.size();
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
