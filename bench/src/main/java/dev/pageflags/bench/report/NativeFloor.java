package dev.pageflags.bench.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.openjdk.jmh.util.ListStatistics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The native floor's figures (bench/src/main/c/floor.c), read from the {@code native-floor.json}
 * the suite writes (see NativeFloorRunner): {@code rounds[]} keeps every round, one run of the floor
 * before each benchmark class and one after the last, and {@code ops[].nsPerOp} holds, per
 * instruction, one mean per round.
 *
 * <p>A round is to the floor what a fork is to JMH, the unit that repeats at a different time of
 * the run: the figure's error is JMH's own 99.9% Student's t interval over the round means (so it
 * means what JMH's errors mean), and {@link Bootstrap} resamples the round means.
 */
public record NativeFloor(String compiler, List<Op> ops) {

    /** The id prefix under which ratios refer to a floor instruction: {@code native:lock_or}. */
    public static final String PREFIX = "native:";

    /** The file name the suite writes the floor to, beside the JMH JSON. */
    public static final String FILE_NAME = "native-floor.json";

    public NativeFloor {
        ops = List.copyOf(ops);
    }

    /** One instruction's cost over the rounds, and its mean in each round. */
    public record Op(String name, String instruction, Figure nsPerOp, List<Double> roundMeans) {
        public Op {
            roundMeans = List.copyOf(roundMeans);
        }

        public String id() {
            return PREFIX + name;
        }
    }

    public Optional<Op> op(String name) {
        return ops.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    public static NativeFloor read(Path file) throws IOException {
        try {
            return parse(Files.readString(file));
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | NullPointerException e) {
            throw new IOException(file + " is not a native floor file: " + e.getMessage(), e);
        }
    }

    /** The floor beside a JMH result file, if the suite wrote one there. */
    public static Optional<NativeFloor> besides(Path jmhJson) throws IOException {
        Path dir = jmhJson.toAbsolutePath().getParent();
        Path file = dir == null ? Path.of(FILE_NAME) : dir.resolve(FILE_NAME);
        return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
    }

    static NativeFloor parse(String text) {
        JsonObject root = JsonParser.parseString(text).getAsJsonObject();
        JsonArray rounds = root.getAsJsonArray("rounds");
        if (rounds == null || rounds.isEmpty()) {
            // The first format (each op's batches pooled in one array) has none: its values are not round means.
            throw new IllegalStateException("no \"rounds\": not a floor written round by round (NativeFloorRunner)");
        }
        List<Op> ops = new ArrayList<>();
        for (JsonElement e : root.getAsJsonArray("ops")) {
            JsonObject o = e.getAsJsonObject();
            String name = o.get("name").getAsString();
            List<Double> means = new ArrayList<>();
            o.getAsJsonArray("nsPerOp").forEach(s -> means.add(s.getAsDouble()));
            if (means.size() != rounds.size()) {
                throw new IllegalStateException(name + " has " + means.size() + " round means for "
                        + rounds.size() + " rounds");
            }
            ListStatistics stats = new ListStatistics();
            means.forEach(stats::addValue);
            Figure f = new Figure(stats.getMean(), stats.getN() > 1 ? stats.getMeanErrorAt(0.999) : Double.NaN);
            ops.add(new Op(name, o.get("instruction").getAsString(), f, means));
        }
        return new NativeFloor(root.get("compiler").getAsString(), ops);
    }
}
