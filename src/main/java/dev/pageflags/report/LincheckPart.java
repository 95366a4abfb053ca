package dev.pageflags.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The interleavings Lincheck found, one {@code lincheck/<Test>.txt} per broken race variant: each folded
 * under its own heading, its tables of threads as HTML tables ({@link LincheckTrace}).
 */
final class LincheckPart {
    static final String ID = "lincheck";
    static final String TITLE = "Lincheck traces";
    private static final String SUFFIX = ".txt";

    private LincheckPart() {
    }

    static PagePart read(ResultsLayout layout) {
        List<Path> traces;
        try {
            traces = traces(layout);
        } catch (IOException e) {
            return PagePart.unreadable(ID, TITLE, "lincheck/ cannot be listed: " + e.getMessage());
        }
        if (traces.isEmpty()) {
            return PagePart.notRun(ID, TITLE, "there is no trace in lincheck/; the Lincheck checks of mvn verify"
                    + " write one per broken race variant.");
        }
        StringBuilder body = new StringBuilder();
        body.append(Html.note("The interleaving Lincheck's model checker found for each broken race variant;"
                + " each test's first table is the short interleaving, then the detailed trace. How to read them:"
                + " stress/src/test/java/dev/pageflags/stress/lincheck/README.md in the sources."));
        List<String> problems = new ArrayList<>();
        for (Path trace : traces) {
            String name = name(trace);
            body.append("<details class=\"trace\" id=\"").append(Html.text(anchor(trace))).append("\">")
                    .append("<summary><h3>").append(Html.text(name)).append("</h3> <span class=\"desc\">")
                    .append(Html.text(WrittenAt.of(trace))).append(", ")
                    .append(Html.link(layout.href(trace), "raw text")).append("</span></summary>\n");
            try {
                body.append(LincheckTrace.render(Files.readString(trace, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                String why = layout.shown(trace) + " cannot be read: " + e.getMessage();
                problems.add(why);
                body.append(Html.problem(why));
            }
            body.append("</details>\n");
        }
        Tone tone = problems.isEmpty() ? Tone.PASS : Tone.FAIL;
        String status = Cells.count(traces.size(), "trace");
        return new PagePart(ID, TITLE, tone, status, body.toString(), problems);
    }

    static List<Path> traces(ResultsLayout layout) throws IOException {
        return ResultsLayout.files(layout.lincheck()).stream()
                .filter(p -> p.getFileName().toString().endsWith(SUFFIX)).toList();
    }

    /** Whether the page shows this trace (a .txt directly in lincheck/), so an in-page link reaches it. */
    static boolean isShown(ResultsLayout layout, Path file) {
        Path f = file.toAbsolutePath().normalize();
        return layout.lincheck().equals(f.getParent()) && f.getFileName().toString().endsWith(SUFFIX)
                && Files.isRegularFile(f);
    }

    static String anchor(Path trace) {
        return Html.anchor("lincheck", name(trace));
    }

    private static String name(Path trace) {
        String file = trace.getFileName().toString();
        return file.substring(0, file.length() - SUFFIX.length());
    }
}
