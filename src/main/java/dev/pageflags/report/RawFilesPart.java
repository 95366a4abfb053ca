package dev.pageflags.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Links to the raw files of every part (summary.md, litmus.md, report.md, jmh.json, ...): the files
 * directly in each part's folder, with their size. JCStress's one-page-per-test HTML is counted, not
 * listed: the tables above link each page from its test.
 */
final class RawFilesPart {
    static final String ID = "files";
    static final String TITLE = "Raw files";

    private RawFilesPart() {
    }

    static PagePart read(ResultsLayout layout) {
        StringBuilder body = new StringBuilder("<table id=\"files-list\">\n<tbody>\n");
        List<String> problems = new ArrayList<>();
        int listed = 0;
        for (Path dir : List.of(layout.stress(), layout.lincheck(), layout.bench(), layout.merged())) {
            String folder = layout.shown(dir) + "/";
            try {
                List<Path> files = ResultsLayout.files(dir);
                List<String> links = new ArrayList<>();
                int pages = 0;
                for (Path f : files) {
                    String name = f.getFileName().toString();
                    if (dir.equals(layout.stress()) && name.endsWith(".html") && !name.equals(ResultsLayout.PAGE)) {
                        pages++;
                        continue;
                    }
                    String what = dir.equals(layout.stress()) && name.equals(ResultsLayout.PAGE) ? " (JCStress's report)" : "";
                    links.add(Html.link(layout.href(f), name) + " <span class=\"desc\">" + Html.text(what + " " + size(f))
                            + "</span>");
                }
                for (Path sub : ResultsLayout.folders(dir)) {
                    int n = ResultsLayout.files(sub).size();
                    links.add(Html.text(sub.getFileName() + "/") + " <span class=\"desc\">(" + n
                            + (n == 1 ? " file" : " files") + ")</span>");
                }
                if (pages > 0) {
                    links.add("<span class=\"desc\">" + pages + " JCStress test pages, linked from the tables</span>");
                }
                listed += links.size();
                body.append("<tr><th>").append(Html.text(folder)).append("</th><td>")
                        .append(links.isEmpty() ? "<span class=\"desc\">not there</span>" : String.join(" &middot; ", links))
                        .append("</td></tr>\n");
            } catch (IOException e) {
                String why = folder + " cannot be listed: " + e.getMessage();
                problems.add(why);
                body.append("<tr><th>").append(Html.text(folder)).append("</th><td>").append(Html.problem(why))
                        .append("</td></tr>\n");
            }
        }
        body.append("</tbody>\n</table>\n");
        Tone tone = problems.isEmpty() ? Tone.INFO : Tone.FAIL;
        return new PagePart(ID, TITLE, tone, listed + " entries", body.toString(), problems);
    }

    private static String size(Path f) {
        try {
            long bytes = Files.size(f);
            return bytes < 1024 ? bytes + " B" : String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
        } catch (IOException e) {
            return "";
        }
    }
}
