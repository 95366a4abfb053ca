package dev.pageflags.report;

import java.util.List;

/**
 * One section of the index page.
 *
 * @param id       the section's anchor
 * @param title    its heading
 * @param tone     how its one-line status reads in the contents
 * @param status   that line: "all 106 tests as expected", "not run"
 * @param body     the section's HTML, every value from a file already escaped
 * @param problems inputs it could not show as they should be, for the writer's log and exit code
 */
record PagePart(String id, String title, Tone tone, String status, String body, List<String> problems) {

    PagePart {
        problems = List.copyOf(problems);
    }

    /** A part whose input does not exist: says so, and how to make it, rather than leaving it out. */
    static PagePart notRun(String id, String title, String how) {
        return new PagePart(id, title, Tone.WARN, "not run", Html.note("Not run: " + how), List.of());
    }

    /** A part whose input exists but cannot be read. */
    static PagePart unreadable(String id, String title, String why) {
        return new PagePart(id, title, Tone.FAIL, "cannot be read", Html.problem(why), List.of(why));
    }
}
