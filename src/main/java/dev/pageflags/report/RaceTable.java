package dev.pageflags.report;

import com.google.gson.JsonObject;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The verdict table of the race tests ({@code <table id="races">}): each broken, fixed or safe variant
 * with what it claims of its bad state, its verdict, samples, bad count, rate and Lincheck record.
 */
final class RaceTable {
    static final String TABLE_ID = "races";

    private RaceTable() {
    }

    /** What the summary's "sampleCost" rows say of each decomposed race test, by its name. */
    static Map<String, JsonObject> bounds(JsonObject summary) {
        Map<String, JsonObject> bounds = new LinkedHashMap<>();
        Json.object(summary, "sampleCost").ifPresent(cost -> Json.objects(cost, "rows")
                .forEach(row -> Json.string(row, "raceTest").ifPresent(name -> bounds.put(name, row))));
        return bounds;
    }

    /**
     * @param bounds the sample-cost rows of the decomposed race tests (summary.json's "sampleCost"), by name
     */
    static String render(List<JsonObject> races, Map<String, JsonObject> bounds, JcstressPages pages,
                         ResultsLayout layout) {
        StringBuilder h = new StringBuilder("<h3>Races</h3>\n");
        if (races.isEmpty()) {
            return h.append(Html.note("No race test in this run (see the selection under Run).")).toString();
        }
        h.append("<table id=\"").append(TABLE_ID).append("\">\n<thead><tr><th>Test</th><th>Seed</th>")
                .append("<th>Variant</th><th>Claim (bad state)</th><th>Verdict</th><th class=\"num\">Samples</th>")
                .append("<th class=\"num\">Bad</th><th class=\"num\">Rate per million</th>")
                .append("<th class=\"num\">Samples/s (x calibration)</th><th>Lincheck</th>")
                .append("</tr></thead>\n<tbody>\n");
        for (JsonObject t : races) {
            String name = Json.string(t, "test", "?");
            String verdict = Json.string(t, "verdict", "no verdict");
            Tone tone = SuiteVerdicts.tone(Json.string(t, "verdict", null));
            h.append("<tr>")
                    .append(Cells.td(pages.nameCell(name, StressPart.shortName(name))
                            + Json.string(t, "description").map(d -> "<div class=\"desc\">" + Html.text(d) + "</div>")
                            .orElse("")))
                    .append(Cells.td(Html.text(Json.string(t, "seed", Cells.ABSENT))))
                    .append(Cells.td(Html.text(Json.string(t, "variant", Cells.ABSENT))))
                    .append(Cells.td("<span class=\"nowrap\">" + Html.text(claim(t)) + "</span>"))
                    .append(Cells.td(Html.tone(tone, verdict) + (tone == Tone.PASS ? "" : Json.string(t, "reason")
                            .map(r -> "<div class=\"desc\">" + Html.text(r) + "</div>").orElse(""))))
                    .append(Cells.num(Cells.grouped(Json.whole(t, "samples"))))
                    .append(Cells.num(Cells.grouped(Json.whole(t, "bad"))))
                    .append(Cells.num(Json.whole(t, "samples").orElse(0L) == 0 ? Cells.ABSENT
                            : Cells.rate(Json.number(t, "ratePerMillion"))))
                    .append(Cells.numHtml(samplingRate(t) + Optional.ofNullable(bounds.get(name))
                            .map(RaceTable::boundLine).orElse("")))
                    .append(Cells.td(Json.object(t, "lincheck").map(l -> lincheck(l, layout)).orElse(Cells.ABSENT)))
                    .append("</tr>\n");
        }
        return h.append("</tbody>\n</table>\n").toString();
    }

    /**
     * What the test claims, read from the grade its bad states are declared with: FORBIDDEN must never
     * be seen, ACCEPTABLE_INTERESTING must be seen.
     */
    static String claim(JsonObject test) {
        List<String> expects = Json.objects(test, "outcomes").stream().map(o -> Json.string(o, "expect", "")).toList();
        if (expects.contains("FORBIDDEN")) {
            return "never seen";
        }
        return expects.contains("ACCEPTABLE_INTERESTING") ? "must be seen" : Cells.ABSENT;
    }

    /**
     * The test's samples per second and its share of the calibration test's rate; a race under the
     * suite's floor is marked, since a slow sampler finds a rare interleaving less often.
     */
    private static String samplingRate(JsonObject t) {
        Optional<Long> perSecond = Json.whole(t, "samplesPerSecond");
        if (perSecond.isEmpty()) {
            return Cells.ABSENT;
        }
        Optional<Double> share = Json.number(t, "rateVsCalibration");
        return Html.text(Cells.grouped(perSecond)) + (share.isEmpty() ? ""
                : "<div class=\"desc\">" + shareHtml("", share.get(), Json.bool(t, "belowRateFloor").orElse(false),
                "below the suite's rate floor") + "</div>");
    }

    /**
     * The race's rate had building and judging its world cost no more than the calibration's state
     * (summary.md, "Where a race sample's time goes"), marked when even that is under the floor.
     */
    static String boundLine(JsonObject costRow) {
        Optional<Double> bound = Json.number(costRow, "boundVsCalibration");
        String title = "x calibration if building the world cost no more than the calibration's state:"
                + " 1 / (t_race - t_worldOnly + t_calibration), t = 1/rate";
        if (bound.isEmpty()) {
            return "<div class=\"desc\" title=\"" + Html.text(title) + "\">bound: no rates</div>";
        }
        return "<div class=\"desc\" title=\"" + Html.text(title) + "\">" + shareHtml("bound ", bound.get(),
                Json.bool(costRow, "boundBelowRateFloor").orElse(false), null) + "</div>";
    }

    /** A share of the calibration rate ({@link ShareText}), marked when it is under the suite's floor; why: a constant tooltip (no quotes), or null. */
    private static String shareHtml(String label, double share, boolean belowFloor, String why) {
        String text = Html.text(label + ShareText.of(share));
        String title = why == null ? "" : " title=\"" + why + "\"";
        return belowFloor ? "<span class=\"t-warn\"" + title + ">" + text + "</span>" : text;
    }

    private static String lincheck(JsonObject l, ResultsLayout layout) {
        StringBuilder s = new StringBuilder();
        String verdict = Json.string(l, "verdict", "no verdict");
        s.append("<span title=\"").append(Html.text(Json.string(l, "note", ""))).append("\">")
                .append(Html.text(verdict)).append("</span>");
        Optional<Long> invocations = Json.whole(l, "invocations");
        if (invocations.isPresent()) {
            s.append("<div class=\"desc\">").append(Html.text(Cells.grouped(invocations))).append(" of ")
                    .append(Html.text(Cells.grouped(Json.whole(l, "bound")))).append(" interleavings")
                    .append(Json.bool(l, "complete").orElse(false) ? ", complete" : "").append("</div>");
        }
        Optional<String> trace = Json.string(l, "trace");
        if (trace.isPresent()) {
            Path file = layout.root().resolve(trace.get()).normalize();
            s.append(" ").append(LincheckPart.isShown(layout, file)
                    ? Html.link("#" + LincheckPart.anchor(file), "trace")
                    : "<span class=\"t-warn\">trace " + Html.text(trace.get()) + " missing</span>");
        }
        return s.toString();
    }
}
