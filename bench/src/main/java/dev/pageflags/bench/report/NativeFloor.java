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
 * per-batch samples with JMH's own statistics so that its errors mean what JMH's errors mean.
 *
 * <p>The floor runs in several passes (the suite spreads them over the JMH run); a pass is to the
 * floor what a fork is to JMH, the unit that repeats, and {@link Bootstrap} resamples the pass
 * means. The file keeps each instruction's batches in one array, pass after pass, and says how
 * many passes there were ({@code "passes"}, 1 when absent); every pass has the same number of batches.
 */
public record NativeFloor(String compiler, List<Op> ops) {

    /** The id prefix under which ratios refer to a floor instruction: {@code native:lock_or}. */
    public static final String PREFIX = "native:";

    /** The file name the suite writes the floor to, beside the JMH JSON. */
    public static final String FILE_NAME = "native-floor.json";

    public NativeFloor {
        ops = List.copyOf(ops);
    }

    /** One instruction's cost, and its mean in each pass. */
    public record Op(String name, String instruction, Figure nsPerOp, List<Double> passMeans) {
        public Op {
            passMeans = List.copyOf(passMeans);
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
        int passes = root.has("passes") ? root.get("passes").getAsInt() : 1;
        if (passes < 1) {
            throw new IllegalStateException("\"passes\" is " + passes);
        }
        List<Op> ops = new ArrayList<>();
        for (JsonElement e : root.getAsJsonArray("ops")) {
            JsonObject o = e.getAsJsonObject();
            String name = o.get("name").getAsString();
            List<Double> samples = new ArrayList<>();
            o.getAsJsonArray("nsPerOp").forEach(s -> samples.add(s.getAsDouble()));
            if (samples.isEmpty()) {
                throw new IllegalStateException("no samples for " + name);
            }
            if (samples.size() % passes != 0) {
                throw new IllegalStateException(name + ": " + samples.size() + " samples do not split into "
                        + passes + " equal passes");
            }
            ListStatistics stats = new ListStatistics();
            samples.forEach(stats::addValue);
            // Same interval JMH puts on its scores: 99.9%, Student's t over the batches.
            Figure f = new Figure(stats.getMean(), stats.getN() > 1 ? stats.getMeanErrorAt(0.999) : Double.NaN);
            ops.add(new Op(name, o.get("instruction").getAsString(), f, passMeans(samples, passes)));
        }
        return new NativeFloor(root.get("compiler").getAsString(), ops);
    }

    private static List<Double> passMeans(List<Double> samples, int passes) {
        int perPass = samples.size() / passes;
        List<Double> means = new ArrayList<>();
        for (int p = 0; p < passes; p++) {
            means.add(samples.subList(p * perPass, (p + 1) * perPass).stream()
                    .mapToDouble(Double::doubleValue).average().orElseThrow());
        }
        return means;
    }
}
