package dev.pageflags.bench.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.util.List;
import java.util.Optional;

/**
 * {@code ratios.json}: every ratio of a run with its interval and verdict, for pages that show the
 * ratios without parsing the markdown (the results index). The shape:
 * <pre>{"ratios": [{"section", "name", "numerator", "denominator", "ratio", "low", "high", "target",
 *  "verdict", "why"}]}</pre>
 * with {@code low}/{@code high} null when there is no interval, {@code target} null for an
 * informational ratio, and {@code verdict} one of {@link RatioVerdict}'s labels. A ratio with a side
 * this run did not measure is left out (report.md lists it as "not run").
 */
final class RatiosJson {
    private RatiosJson() {
    }

    static String render(List<RatioSpec> ratios, ResultSet run) {
        JsonArray rows = new JsonArray();
        for (RatioSpec spec : ratios) {
            Optional<RatioResult> result = spec.evaluate(run);
            if (result.isEmpty() || !Double.isFinite(result.get().ratio())) {
                continue;
            }
            RatioResult r = result.get();
            JsonObject row = new JsonObject();
            row.addProperty("section", spec.group());
            row.addProperty("name", spec.label());
            row.addProperty("numerator", spec.numerator());
            row.addProperty("denominator", spec.denominator());
            row.addProperty("ratio", r.ratio());
            row.add("low", r.intervalIfAny().<JsonElement>map(i -> new JsonPrimitive(i.low()))
                    .orElse(JsonNull.INSTANCE));
            row.add("high", r.intervalIfAny().<JsonElement>map(i -> new JsonPrimitive(i.high()))
                    .orElse(JsonNull.INSTANCE));
            row.add("target", spec.hasTarget() ? new JsonPrimitive(spec.target()) : JsonNull.INSTANCE);
            row.addProperty("verdict", r.verdict().label());
            row.addProperty("why", spec.why());
            rows.add(row);
        }
        JsonObject root = new JsonObject();
        root.add("ratios", rows);
        return new GsonBuilder().serializeNulls().setPrettyPrinting().disableHtmlEscaping().create()
                .toJson(root) + "\n";
    }
}
