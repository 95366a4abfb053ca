package dev.pageflags.report;

import java.util.ArrayList;
import java.util.List;

/**
 * One Lincheck trace file as HTML. Lincheck prints each interleaving as a text table, one column per
 * thread, padded to its widest cell (500 characters and more in a detailed trace); as an HTML table the
 * threads share the width and long cells wrap, each under its own indentation (the call depth).
 * The prose around the tables stays in {@code <pre>}. A table whose rows do not line up with its
 * header is shown as the text it is, in {@code <pre>}.
 */
final class LincheckTrace {
    private LincheckTrace() {
    }

    static String render(String text) {
        StringBuilder out = new StringBuilder();
        List<String> block = new ArrayList<>();
        boolean inTable = false;
        for (String line : text.split("\r?\n", -1)) {
            boolean tableLine = line.startsWith("|");
            if (tableLine != inTable && !block.isEmpty()) {
                out.append(inTable ? table(block) : pre(block));
                block.clear();
            }
            inTable = tableLine;
            block.add(line);
        }
        if (!block.isEmpty()) {
            out.append(inTable ? table(block) : pre(block));
        }
        return out.toString();
    }

    private static String pre(List<String> lines) {
        String text = String.join("\n", lines).strip();
        return text.isEmpty() ? "" : "<pre>" + Html.text(text) + "</pre>\n";
    }

    private static boolean separator(String line) {
        return line.matches("\\|\\s*-+\\s*\\|");
    }

    /**
     * One cell. One space of padding on each side is Lincheck's; the rest of the leading space is the
     * call depth, kept as a margin so that a long line wraps under its own start, not under its caller.
     */
    private static String cell(String raw, boolean body) {
        String text = raw.strip();
        if (!body || text.isEmpty()) {
            return Html.text(text);
        }
        int depth = raw.indexOf(text.charAt(0)) - 1;
        return "<div style=\"margin-left:" + Math.max(0, depth) + "ch\">" + Html.text(text) + "</div>";
    }

    /** Columns cut at the header's '|' positions, so a '|' inside a cell (PG_lru|PG_mlocked) stays text. */
    private static String table(List<String> lines) {
        String header = lines.stream().filter(l -> !separator(l)).findFirst().orElse(null);
        if (header == null) {
            return "";
        }
        List<Integer> bars = new ArrayList<>();
        for (int i = 0; i < header.length(); i++) {
            if (header.charAt(i) == '|') {
                bars.add(i);
            }
        }
        if (bars.size() < 2 || bars.get(bars.size() - 1) != header.length() - 1) {
            return pre(lines);
        }
        StringBuilder h = new StringBuilder("<div class=\"scroll\"><table class=\"interleaving\">\n");
        boolean headerDone = false;
        for (String line : lines) {
            if (separator(line)) {
                continue;
            }
            if (line.length() != header.length() || bars.stream().anyMatch(b -> line.charAt(b) != '|')) {
                return pre(lines);
            }
            String cellTag = headerDone ? "td" : "th";
            h.append(headerDone ? "<tr>" : "<thead><tr>");
            for (int c = 0; c + 1 < bars.size(); c++) {
                h.append('<').append(cellTag).append('>')
                        .append(cell(line.substring(bars.get(c) + 1, bars.get(c + 1)), headerDone))
                        .append("</").append(cellTag).append('>');
            }
            h.append(headerDone ? "</tr>\n" : "</tr></thead>\n<tbody>\n");
            headerDone = true;
        }
        return h.append("</tbody>\n</table></div>\n").toString();
    }
}
