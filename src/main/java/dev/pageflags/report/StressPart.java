package dev.pageflags.report;

import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The last stress run, from {@code stress/summary.json}: its verdict line, the races, the litmus and
 * atomicity tables, the machine and the budget. A refused or failed run is shown as such, first.
 */
final class StressPart {
    static final String ID = "stress";
    static final String TITLE = "Stress suite";

    private StressPart() {
    }

    static PagePart read(ResultsLayout layout) {
        Path file = layout.stress().resolve("summary.json");
        if (!Files.isRegularFile(file)) {
            return PagePart.notRun(ID, TITLE, "there is no stress/summary.json; mvn verify runs the suite and"
                    + " writes it.");
        }
        JsonObject summary;
        JcstressPages pages;
        try {
            summary = Json.object(file, layout.shown(file));
            pages = JcstressPages.find(layout);
        } catch (UnreadableInput e) {
            return PagePart.unreadable(ID, TITLE, e.getMessage());
        } catch (IOException e) {
            return PagePart.unreadable(ID, TITLE, "stress/ cannot be listed: " + e.getMessage());
        }
        StringBuilder body = new StringBuilder();
        body.append(Html.note("From " + layout.shown(file) + Json.string(summary, "runId").map(id -> ", run " + id)
                .orElse("") + ", " + WrittenAt.of(file) + "."));
        Optional<String> refused = Json.string(summary, "refused");
        if (refused.isPresent()) {
            body.append(Html.problem("The suite refused to run, nothing ran: " + refused.get()));
            return new PagePart(ID, TITLE, Tone.FAIL, "refused: nothing ran", body.toString(), List.of());
        }
        Optional<String> problem = Json.string(summary, "problem");
        problem.ifPresent(p -> body.append(Html.problem("The suite could not run as asked: " + p)));

        List<JsonObject> tests = Json.objects(summary, "tests");
        Tally tally = new Tally();
        tests.forEach(t -> tally.add(Json.string(t, "verdict", null)));
        String status = problem.isPresent() ? "could not run as asked, " + tally.line() : tally.line();
        Tone tone = problem.isPresent() ? Tone.FAIL : tally.tone();
        body.append("<p class=\"verdict-line ").append(tone.css()).append("\">").append(Html.text(status))
                .append("</p>\n");
        if (pages.count() > 0) {
            layout.hrefIfFile(layout.stress().resolve(ResultsLayout.PAGE)).ifPresent(h -> body.append(
                    "<p>Test names link to JCStress's own page of each test (its outcomes per JVM configuration);"
                            + " all of them: ").append(Html.link(h, "JCStress's report")).append(".</p>\n"));
        }
        List<JsonObject> races = tests.stream().filter(StressPart::isRace).toList();
        body.append(RaceTable.render(races, RaceTable.bounds(summary), pages, layout));
        body.append(LitmusTables.litmus(Json.objects(summary, "litmus"), pages));
        body.append(LitmusTables.atomicity(Json.objects(summary, "atomicity"), pages));
        body.append(RunFacts.render(summary));
        return new PagePart(ID, TITLE, tone, status, body.toString(), List.of());
    }

    /**
     * Summaries written before the suite had kinds hold races only: a row without a kind is a race. The
     * calibration test shares the races' table: it is the yardstick of their sampling rates.
     */
    private static boolean isRace(JsonObject test) {
        return Json.string(test, "kind").map(k -> k.equals("races") || k.equals("calibration")).orElse(true);
    }

    /** "dev.pageflags.stress.Race000_X.Broken" as "Race000_X.Broken": the package dropped. */
    static String shortName(String test) {
        String[] parts = test.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].isEmpty() && Character.isUpperCase(parts[i].charAt(0))) {
                return String.join(".", java.util.Arrays.copyOfRange(parts, i, parts.length));
            }
        }
        return test;
    }
}
