package dev.pageflags.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.Map;
import java.util.Optional;

/** The machine, the JVM and the budget of the stress run, as a two-column table. */
final class RunFacts {
    private RunFacts() {
    }

    static String render(JsonObject summary) {
        StringBuilder h = new StringBuilder("<h3>Run</h3>\n<table id=\"run\" class=\"facts\">\n<tbody>\n");
        Optional<JsonObject> machine = Json.object(summary, "machine");
        Optional<JsonObject> facts = machine.flatMap(m -> Json.object(m, "facts"));
        if (facts.isPresent() && !facts.get().isEmpty()) {
            for (Map.Entry<String, JsonElement> f : facts.get().entrySet()) {
                row(h, f.getKey(), Html.text(f.getValue().isJsonPrimitive() ? f.getValue().getAsString()
                        : f.getValue().toString()));
            }
        } else if (machine.isPresent()) {
            JsonObject m = machine.get();
            row(h, "CPU", Html.text(Json.string(m, "cpuModel", Cells.ABSENT)));
            row(h, "CPUs", Html.text(Json.string(m, "cpus", Cells.ABSENT)));
            row(h, "Architecture", Html.text(Json.string(m, "osArch", Cells.ABSENT)));
            row(h, "JVM", Html.text(Json.string(m, "jvmName", "") + " " + Json.string(m, "jvmVersion", "")));
        } else {
            row(h, "Machine", Cells.ABSENT);
        }
        Optional<JsonObject> budget = Json.object(summary, "budget");
        budget.ifPresent(b -> {
            row(h, "Budget", Html.code(Json.string(b, "name", Cells.ABSENT))
                    + Json.string(b, "description").map(d -> ", " + Html.text(d)).orElse(""));
            Optional<JsonObject> byKind = Json.object(b, "byKind");
            if (byKind.isPresent() && !byKind.get().isEmpty()) {
                for (String kind : byKind.get().keySet()) {
                    row(h, "JCStress options (" + kind + ")", Html.code(String.join(" ",
                            Json.strings(Json.object(byKind.get(), kind).orElse(null), "jcstressOptions"))));
                }
            } else if (Json.has(b, "jcstressOptions")) {
                row(h, "JCStress options", Html.code(String.join(" ", Json.strings(b, "jcstressOptions"))));
            }
            row(h, "Selection", Html.text(Json.string(b, "selection", Cells.ABSENT)));
            row(h, "JCStress wall time", Html.text(Cells.seconds(Json.number(b, "wallSeconds"))
                    + Json.whole(b, "jcstressExitCode").map(c -> ", exit code " + c).orElse("")));
        });
        if (budget.isEmpty()) {
            row(h, "Budget", Cells.ABSENT);
        }
        Json.string(summary, "runId").ifPresent(id -> row(h, "Run id", Html.text(id)));
        return h.append("</tbody>\n</table>\n").toString();
    }

    private static void row(StringBuilder h, String key, String valueHtml) {
        h.append("<tr><th>").append(Html.text(key)).append("</th><td>").append(valueHtml).append("</td></tr>\n");
    }
}
