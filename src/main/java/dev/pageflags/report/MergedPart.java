package dev.pageflags.report;

import com.google.gson.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Several stress runs merged by {@code MergeSummaries}, from {@code merged/merged.json} and
 * {@code merged/rates.svg}: the runs, the rate chart, the races' verdicts side by side, and the litmus
 * and pair grades folded below.
 */
final class MergedPart {
    static final String ID = "merged";
    static final String TITLE = "Merged runs";

    private MergedPart() {
    }

    static PagePart read(ResultsLayout layout) {
        Path json = layout.merged().resolve("merged.json");
        if (!Files.isRegularFile(json)) {
            return PagePart.notRun(ID, TITLE, "there is no merged/merged.json; MergeSummaries --out results/merged"
                    + " --index results/index.html A/summary.json B/summary.json ... writes it (see the README,"
                    + " \"Several machines and JDKs\").");
        }
        JsonObject merged;
        try {
            merged = Json.object(json, layout.shown(json));
        } catch (UnreadableInput e) {
            return PagePart.unreadable(ID, TITLE, e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        List<JsonObject> runs = Json.objects(merged, "runs");
        StringBuilder body = new StringBuilder();
        body.append(Html.note("From " + layout.shown(json) + ", " + WrittenAt.of(json) + "."));
        layout.hrefIfFile(layout.merged().resolve("merged.md")).ifPresent(h -> body.append("<p>Every count of"
                + " every run, one table per test: ").append(Html.link(h, "merged.md")).append(".</p>\n"));
        body.append(runsTable(runs));
        Path chart = layout.merged().resolve("rates.svg");
        if (Files.isRegularFile(chart)) {
            body.append(InlineSvg.figure(layout, chart, "merged-chart", problems));
        }
        Tally tally = new Tally();
        body.append("<h3>Races, run by run</h3>\n").append(matrix("merged-races", runs,
                Json.objects(merged, "tests"), "test", tally, true));
        List<JsonObject> litmus = Json.objects(merged, "litmus");
        if (!litmus.isEmpty()) {
            body.append("<h3>Litmus tests, run by run</h3>\n<details><summary>").append(Cells.count(litmus.size(), "litmus test"))
                    .append("</summary>\n")
                    .append(matrix("merged-litmus", runs, litmus, "litmus", tally, false)).append("</details>\n");
        }
        List<JsonObject> pairs = Json.objects(merged, "atomicity");
        if (!pairs.isEmpty()) {
            body.append("<h3>Bit-operation pairs, run by run</h3>\n<details><summary>").append(Cells.count(pairs.size(), "pair"))
                    .append("</summary>\n")
                    .append(matrix("merged-atomicity", runs, pairs, "pair", tally, false)).append("</details>\n");
        }
        Tone tone = problems.isEmpty() ? tally.tone() : Tone.FAIL;
        String status = runs.size() + " runs, " + (tally.tone() == Tone.FAIL ? "some verdicts need attention"
                : "every verdict as expected");
        return new PagePart(ID, TITLE, tone, status, body.toString(), problems);
    }

    private static String runsTable(List<JsonObject> runs) {
        StringBuilder h = new StringBuilder("<table id=\"merged-runs\">\n<thead><tr><th>Run</th><th>Machine</th>")
                .append("<th>JVM</th><th>Budget</th><th>Summary</th></tr></thead>\n<tbody>\n");
        for (JsonObject r : runs) {
            h.append("<tr>");
            for (String key : List.of("run", "machine", "jvm", "budget", "file")) {
                h.append(Cells.td(Html.text(Json.string(r, key, Cells.ABSENT))));
            }
            h.append("</tr>\n");
        }
        return h.append("</tbody>\n</table>\n").toString();
    }

    /** One row per test, one column per run: its verdict, and for the races the rate and counts under it. */
    private static String matrix(String id, List<JsonObject> runs, List<JsonObject> tests, String nameKey,
                                 Tally tally, boolean withRates) {
        StringBuilder h = new StringBuilder("<table id=\"").append(id).append("\">\n<thead><tr><th>Test</th>");
        if (withRates) {
            h.append("<th>Variant</th>");
        }
        for (JsonObject r : runs) {
            h.append("<th>").append(Html.text(Json.string(r, "run", "?"))).append("<div class=\"desc\">")
                    .append(Html.text(Json.string(r, "jvm", ""))).append("</div></th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (JsonObject t : tests) {
            String shortName = StressPart.shortName(Json.string(t, "test", "?"));
            h.append("<tr>").append(Cells.td(Html.dotted(nameKey.equals("test") ? shortName
                    : Json.string(t, nameKey, shortName))));
            if (withRates) {
                h.append(Cells.td(Html.text(Json.string(t, "variant", Cells.ABSENT))));
            }
            for (JsonObject cell : Json.objects(t, "runs")) {
                String verdict = Json.string(cell, "verdict").or(() -> Json.string(cell, "grade")).orElse(null);
                if (verdict == null) {
                    h.append(Cells.td(Cells.ABSENT));
                    continue;
                }
                tally.add(verdict);
                String detail = withRates && Json.whole(cell, "samples").orElse(0L) > 0
                        ? "<div class=\"desc\">" + Html.text(Cells.rate(Json.number(cell, "ratePerMillion"))
                        + " per million") + "<br>" + Html.text(Cells.grouped(Json.whole(cell, "bad")) + " of "
                        + Cells.grouped(Json.whole(cell, "samples"))) + "</div>" : "";
                h.append(Cells.td(Html.tone(SuiteVerdicts.tone(verdict), verdict) + detail));
            }
            h.append("</tr>\n");
        }
        return h.append("</tbody>\n</table>\n").toString();
    }
}
