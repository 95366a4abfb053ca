package dev.pageflags.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An SVG chart of this project's own reports, put into the page as markup (so the page stays one
 * file that opens offline). The XML declaration and anything else before {@code <svg} is dropped (in
 * HTML it would show as a comment or text). Since the markup goes in unescaped, an SVG that could run
 * code (a script, an event handler, a javascript: link, foreign HTML) is refused and linked instead.
 */
final class InlineSvg {
    private static final Pattern ACTIVE = Pattern.compile(
            "<script|<foreignobject|javascript:|<!entity|\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    private InlineSvg() {
    }

    static String read(Path file, String shownAs) throws UnreadableInput {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UnreadableInput(shownAs + " cannot be read: " + e.getMessage());
        }
        int start = text.toLowerCase(Locale.ROOT).indexOf("<svg");
        int end = text.lastIndexOf("</svg>");
        if (start < 0 || end < start) {
            throw new UnreadableInput(shownAs + " is not an SVG document (no <svg> ... </svg>)");
        }
        String svg = text.substring(start, end + "</svg>".length());
        if (ACTIVE.matcher(svg).find()) {
            throw new UnreadableInput(shownAs + " holds a script, an event handler or foreign content;"
                    + " the page does not inline it");
        }
        return svg;
    }

    /** The chart in a figure that scrolls sideways when wider than the window, or a link and the reason. */
    static String figure(ResultsLayout layout, Path file, String id, java.util.List<String> problems) {
        try {
            return "<figure class=\"chart\" id=\"" + Html.text(id) + "\">" + read(file, layout.shown(file))
                    + "<figcaption>" + Html.link(layout.href(file), layout.shown(file)) + "</figcaption></figure>\n";
        } catch (UnreadableInput e) {
            problems.add(e.getMessage());
            return Html.problem(e.getMessage()) + "<p>" + Html.link(layout.href(file), "Open " + layout.shown(file))
                    + "</p>\n";
        }
    }
}
