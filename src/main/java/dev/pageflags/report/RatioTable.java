package dev.pageflags.report;

import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The benchmark ratios of {@code bench/ratios.json}, one table per section, in file order. Every field
 * but the name may be missing (printed "-"); a verdict word this page does not know is shown as it is.
 */
final class RatioTable {
    private final String html;
    private final Tone tone;
    private final String status;

    private RatioTable(String html, Tone tone, String status) {
        this.html = html;
        this.tone = tone;
        this.status = status;
    }

    static RatioTable of(List<JsonObject> ratios) {
        if (ratios.isEmpty()) {
            return new RatioTable(Html.problem("ratios.json lists no ratio."), Tone.WARN, "no ratio");
        }
        Map<String, List<JsonObject>> sections = new LinkedHashMap<>();
        for (JsonObject r : ratios) {
            sections.computeIfAbsent(Json.string(r, "section", "Ratios"), k -> new ArrayList<>()).add(r);
        }
        StringBuilder h = new StringBuilder();
        Tone worst = Tone.PASS;
        Map<String, Integer> verdicts = new LinkedHashMap<>();
        int index = 0;
        for (Map.Entry<String, List<JsonObject>> s : sections.entrySet()) {
            h.append("<h3>").append(Html.text(s.getKey())).append("</h3>\n")
                    .append("<table id=\"ratios-").append(index++).append("\" class=\"ratios\">\n<thead><tr>")
                    .append("<th>Ratio</th><th>Numerator</th><th>Denominator</th><th class=\"num\">Ratio</th>")
                    .append("<th class=\"num\">Interval</th><th class=\"num\">Target</th><th>Verdict</th>")
                    .append("<th>Why</th></tr></thead>\n<tbody>\n");
            for (JsonObject r : s.getValue()) {
                String verdict = Json.string(r, "verdict", Cells.ABSENT);
                Tone tone = tone(verdict);
                worst = worst.worst(tone);
                verdicts.merge(verdict, 1, Integer::sum);
                h.append("<tr>")
                        .append(Cells.td(Html.text(Json.string(r, "name", Cells.ABSENT))))
                        .append(Cells.td(Json.string(r, "numerator").map(Html::code).orElse(Cells.ABSENT)))
                        .append(Cells.td(Json.string(r, "denominator").map(Html::code).orElse(Cells.ABSENT)))
                        .append(Cells.num(ratio(Json.number(r, "ratio"), Json.number(r, "low"), Json.number(r, "high"))))
                        .append(Cells.num(interval(Json.number(r, "ratio"), Json.number(r, "low"), Json.number(r, "high"))))
                        .append(Cells.num(Json.number(r, "target").map(t -> Cells.plain(t) + "x").orElse(Cells.ABSENT)))
                        .append(Cells.td(Html.tone(tone, verdict)))
                        .append(Cells.td(Html.text(Json.string(r, "why", ""))))
                        .append("</tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }
        StringBuilder status = new StringBuilder(ratios.size() + " ratios");
        verdicts.forEach((v, n) -> status.append(", ").append(v).append(' ').append(n));
        return new RatioTable(h.toString(), worst, status.toString());
    }

    /** met: the target holds; missed: it does not; inconclusive or no interval: the data cannot say. */
    static Tone tone(String verdict) {
        return switch (verdict) {
            case "met" -> Tone.PASS;
            case "missed" -> Tone.FAIL;
            case "inconclusive", "no-interval" -> Tone.WARN;
            default -> Tone.INFO;
        };
    }

    /** The ratio to its interval's precision, as report.md prints it ({@link Precision#withInterval}). */
    private static String ratio(Optional<Double> ratio, Optional<Double> low, Optional<Double> high) {
        if (ratio.isEmpty()) {
            return Cells.ABSENT;
        }
        return (low.isPresent() && high.isPresent()
                ? Precision.number(ratio.get(), Precision.decimalsWithin(ratio.get(), low.get(), high.get()))
                : Precision.plain(ratio.get())) + "x";
    }

    private static String interval(Optional<Double> ratio, Optional<Double> low, Optional<Double> high) {
        if (low.isEmpty() || high.isEmpty() || ratio.isEmpty()) {
            return low.isEmpty() && high.isEmpty() ? Cells.ABSENT
                    : "[" + low.map(Precision::plain).orElse("?") + ", " + high.map(Precision::plain).orElse("?") + "]";
        }
        int decimals = Precision.decimalsWithin(ratio.get(), low.get(), high.get());
        return "[" + Precision.number(low.get(), decimals) + ", " + Precision.number(high.get(), decimals) + "]";
    }

    String html() {
        return html;
    }

    Tone tone() {
        return tone;
    }

    String status() {
        return status;
    }
}
