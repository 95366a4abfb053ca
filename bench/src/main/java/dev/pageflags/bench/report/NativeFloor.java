package dev.pageflags.bench.report;

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
 * The native floor's figures (bench/src/main/c/floor.c): one per instruction, computed from the
 * samples in its {@code ops[].nsPerOp} (one mean per round, see NativeFloorRunner) with JMH's own
 * statistics so that its errors mean what JMH's errors mean.
 */
public record NativeFloor(String compiler, List<Op> ops) {

    /** The id prefix under which ratios refer to a floor instruction: {@code native:lock_or}. */
    public static final String PREFIX = "native:";

    /** The file name the suite writes the floor to, beside the JMH JSON. */
    public static final String FILE_NAME = "native-floor.json";

    public NativeFloor {
        ops = List.copyOf(ops);
    }

    /** One instruction's cost. */
    public record Op(String name, String instruction, Figure nsPerOp) {
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
        List<Op> ops = new ArrayList<>();
        for (JsonElement e : root.getAsJsonArray("ops")) {
            JsonObject o = e.getAsJsonObject();
            ListStatistics stats = new ListStatistics();
            o.getAsJsonArray("nsPerOp").forEach(s -> stats.addValue(s.getAsDouble()));
            if (stats.getN() == 0) {
                throw new IllegalStateException("no samples for " + o.get("name").getAsString());
            }
            // Same interval JMH puts on its scores: 99.9%, Student's t over the samples (one per round).
            Figure f = new Figure(stats.getMean(), stats.getN() > 1 ? stats.getMeanErrorAt(0.999) : Double.NaN);
            ops.add(new Op(o.get("name").getAsString(), o.get("instruction").getAsString(), f));
        }
        return new NativeFloor(root.get("compiler").getAsString(), ops);
    }
}
