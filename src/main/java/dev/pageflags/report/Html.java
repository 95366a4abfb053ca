package dev.pageflags.report;

/**
 * Escaping and the few elements every part of the index page builds. Every string that came from a
 * file goes through {@link #text}, attributes included: a test description or a trace line that holds
 * {@code <} or {@code "} must show as text, never become markup.
 */
final class Html {
    private Html() {
    }

    /** The text escaped for an element's content or a quoted attribute value; null is the empty string. */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String link(String href, String label) {
        return "<a href=\"" + text(href) + "\">" + text(label) + "</a>";
    }

    /** A dotted name (a test class) that may break after each dot in a narrow column. */
    static String dotted(String name) {
        return text(name).replace(".", ".<wbr>");
    }

    /** A dotted name as a link, breaking like {@link #dotted}. */
    static String dottedLink(String href, String name) {
        return "<a href=\"" + text(href) + "\">" + dotted(name) + "</a>";
    }

    static String code(String s) {
        return "<code>" + text(s) + "</code>";
    }

    /** A word styled by what it means for the reader: passed, for information, worth a look, failed. */
    static String tone(Tone tone, String label) {
        return "<span class=\"" + tone.css() + "\">" + text(label) + "</span>";
    }

    /** A paragraph in a box that says the part could not be shown as it should. */
    static String problem(String message) {
        return "<p class=\"problem\">" + text(message) + "</p>\n";
    }

    /** A short line of small print: where a part comes from, what a column means. */
    static String note(String message) {
        return "<p class=\"note\">" + text(message) + "</p>\n";
    }

    /** An id for an anchor: letters, digits, '.', '_' and '-' kept, everything else a '-'. */
    static String anchor(String prefix, String name) {
        return prefix + "-" + name.replaceAll("[^A-Za-z0-9._-]", "-");
    }
}
