package dev.pageflags.report;

import com.google.gson.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmarks, when {@code bench/} exists: the ratio table from {@code ratios.json} (or a link to
 * {@code report.md} when the run wrote no ratios.json) and {@code chart.svg}.
 */
final class BenchPart {
    static final String ID = "bench";
    static final String TITLE = "Benchmarks";

    private BenchPart() {
    }

    static PagePart read(ResultsLayout layout) {
        Path dir = layout.bench();
        if (!Files.isDirectory(dir)) {
            return PagePart.notRun(ID, TITLE, "there is no bench/; mvn -P run verify runs the benchmarks and"
                    + " writes it (plain mvn verify's smoke run writes bench/target/bench-smoke/ only).");
        }
        List<String> problems = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        Path ratios = dir.resolve("ratios.json");
        Path report = dir.resolve("report.md");
        Tone tone = Tone.PASS;
        String status;
        if (Files.isRegularFile(ratios)) {
            body.append(Html.note("From " + layout.shown(ratios) + ", " + WrittenAt.of(ratios) + "."));
            try {
                JsonObject json = Json.object(ratios, layout.shown(ratios));
                RatioTable table = RatioTable.of(Json.objects(json, "ratios"));
                body.append(table.html());
                tone = table.tone();
                status = table.status();
            } catch (UnreadableInput e) {
                problems.add(e.getMessage());
                body.append(Html.problem(e.getMessage()));
                tone = Tone.FAIL;
                status = "ratios.json cannot be read";
            }
            layout.hrefIfFile(report).ifPresent(h -> body.append("<p>The same with each figure's error and its"
                    + " benchmark: ").append(Html.link(h, "report.md")).append(".</p>\n"));
        } else if (Files.isRegularFile(report)) {
            body.append("<p>The ratio table of this run is in ").append(Html.link(layout.href(report), "report.md"))
                    .append(" (").append(Html.text(WrittenAt.of(report))).append("); the run wrote no ratios.json"
                            + " for this page to show.</p>\n");
            status = "see report.md";
            tone = Tone.INFO;
        } else {
            body.append(Html.problem("bench/ holds no report.md and no ratios.json: the last benchmark run did not"
                    + " finish (its console output says why)."));
            status = "no report";
            tone = Tone.FAIL;
        }
        Path chart = dir.resolve("chart.svg");
        if (Files.isRegularFile(chart)) {
            body.append("<h3>Chart</h3>\n").append(InlineSvg.figure(layout, chart, "bench-chart", problems));
        }
        if (!problems.isEmpty()) {
            tone = Tone.FAIL;
        }
        return new PagePart(ID, TITLE, tone, status, body.toString(), problems);
    }
}
