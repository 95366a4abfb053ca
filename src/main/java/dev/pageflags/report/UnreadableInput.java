package dev.pageflags.report;

/** A report file the page cannot show: not there as expected, not JSON, an SVG it will not inline. */
final class UnreadableInput extends Exception {
    private static final long serialVersionUID = 1L;

    UnreadableInput(String message) {
        super(message);
    }
}
