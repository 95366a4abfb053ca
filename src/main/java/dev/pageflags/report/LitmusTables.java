package dev.pageflags.report;

import com.google.gson.JsonObject;

import java.util.List;

/**
 * The litmus table ({@code id="litmus"}) and the bit-operation pairs ({@code id="atomicity"}), each
 * folded under a line that counts its grades; a table with a failing grade is shown open.
 */
final class LitmusTables {
    private LitmusTables() {
    }

    static String litmus(List<JsonObject> rows, JcstressPages pages) {
        if (rows.isEmpty()) {
            return "<h3>Litmus tests</h3>\n" + Html.note("No litmus test in this run.");
        }
        Tally tally = new Tally();
        StringBuilder t = new StringBuilder();
        t.append("<table id=\"litmus\">\n<thead><tr><th>Litmus test</th><th>LKMM</th><th>x86-TSO</th>")
                .append("<th class=\"num\">Samples</th><th class=\"num\">Observed</th><th>Grade</th></tr></thead>\n")
                .append("<tbody>\n");
        for (JsonObject r : rows) {
            String grade = Json.string(r, "grade", null);
            tally.add(grade);
            String test = Json.string(r, "test", "");
            boolean ran = Json.whole(r, "samples").orElse(0L) > 0;
            t.append("<tr>")
                    .append(Cells.td("<span title=\"" + Html.text(Json.string(r, "path", "")) + "\">"
                            + pages.nameCell(test, Json.string(r, "litmus", StressPart.shortName(test))) + "</span>"))
                    .append(Cells.td(Html.text(Json.string(r, "lkmm", Cells.ABSENT))))
                    .append(Cells.td(Html.text(Json.string(r, "x86", Cells.ABSENT))))
                    .append(Cells.num(Cells.grouped(Json.whole(r, "samples"))))
                    .append(Cells.num(ran ? Cells.grouped(Json.whole(r, "observed")) : Cells.ABSENT))
                    .append(Cells.td(gradeCell(grade)))
                    .append("</tr>\n");
        }
        t.append("</tbody>\n</table>\n");
        return folded("Litmus tests", Cells.count(rows.size(), "kernel litmus test"), tally, t.toString(),
                "LKMM: the kernel memory model's verdict on the exists-state; x86-TSO: whether x86 allows it"
                        + " with the instructions the Java mapping emits; observed: samples in that state.");
    }

    static String atomicity(List<JsonObject> rows, JcstressPages pages) {
        if (rows.isEmpty()) {
            return "<h3>Bit-operation pairs</h3>\n" + Html.note("No bit-operation pair in this run.");
        }
        Tally tally = new Tally();
        StringBuilder t = new StringBuilder();
        t.append("<table id=\"atomicity\">\n<thead><tr><th>Pair</th><th>Atomic?</th><th class=\"num\">Samples</th>")
                .append("<th class=\"num\">Lost updates</th><th class=\"num\">Per million</th><th>Grade</th>")
                .append("</tr></thead>\n<tbody>\n");
        for (JsonObject r : rows) {
            String grade = Json.string(r, "grade", null);
            tally.add(grade);
            String test = Json.string(r, "test", "");
            boolean ran = Json.whole(r, "samples").orElse(0L) > 0;
            t.append("<tr>")
                    .append(Cells.td(pages.nameCell(test, Json.string(r, "pair", StressPart.shortName(test)))))
                    .append(Cells.td(Json.bool(r, "atomic").map(a -> a ? "yes" : "no").orElse(Cells.ABSENT)))
                    .append(Cells.num(Cells.grouped(Json.whole(r, "samples"))))
                    .append(Cells.num(ran ? Cells.grouped(Json.whole(r, "lostUpdates")) : Cells.ABSENT))
                    .append(Cells.num(ran ? Cells.rate(Json.number(r, "lostUpdatesPerMillion")) : Cells.ABSENT))
                    .append(Cells.td(gradeCell(grade)))
                    .append("</tr>\n");
        }
        t.append("</tbody>\n</table>\n");
        return folded("Bit-operation pairs", Cells.count(rows.size(), "pair") + " on two bits of one flag word", tally,
                t.toString(), "An atomic pair must lose no update; a non-atomic one must be seen losing one.");
    }

    private static String gradeCell(String grade) {
        return Html.tone(SuiteVerdicts.tone(grade), grade == null ? "no grade" : grade);
    }

    /** The table under a {@code <details>} whose summary counts the grades; open when one fails. */
    private static String folded(String heading, String what, Tally tally, String table, String legend) {
        return "<h3>" + Html.text(heading) + "</h3>\n<details" + (tally.tone() == Tone.FAIL ? " open" : "") + ">"
                + "<summary>" + Html.text(what + ": " + tally.counts()) + "</summary>\n"
                + Html.note(legend) + table + "</details>\n";
    }
}
