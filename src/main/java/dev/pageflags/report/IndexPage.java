package dev.pageflags.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code results/index.html}, the page to open first: one offline HTML file (inline CSS and SVG, no
 * script, no external asset) built from whatever the tools left beside it, each part from the last
 * run that wrote it: {@code stress/} ({@link StressPart}), {@code lincheck/} ({@link LincheckPart}),
 * {@code bench/} ({@link BenchPart}), {@code merged/} ({@link MergedPart}) and the raw files
 * ({@link RawFilesPart}). A part whose input is missing says "not run"; one that cannot be read says
 * why, in red, and is counted in {@link Result#problems()}.
 *
 * <p>Who writes it: the stress suite at the end of every run (also a refused or failed one), the
 * benchmark run and {@code MergeSummaries}, each when given {@code --index FILE}; and by hand:
 * <pre>java -cp stress/target/jcstress.jar dev.pageflags.report.IndexPage results/index.html</pre>
 * Exit code 0 written; 1 written, but an input could not be read (the page says which); 2 bad command
 * line or the page could not be written.
 */
public final class IndexPage {
    /** The folders beside the page that the suite, the benchmark run and MergeSummaries write. */
    public static final String STRESS = "stress";
    public static final String BENCH = "bench";
    public static final String MERGED = "merged";

    public static final String USAGE = "usage: IndexPage FILE   (rebuilds FILE, e.g. results/index.html, from the"
            + " stress/, lincheck/, bench/ and merged/ folders beside it)";

    private IndexPage() {
    }

    /** What a write left: the page, and the inputs it could not show as they should be. */
    public record Result(Path page, List<String> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1 || args[0].startsWith("-")) {
            err.println(USAGE);
            return 2;
        }
        try {
            Result w = write(Path.of(args[0]), "IndexPage");
            out.println("wrote " + w.page());
            w.problems().forEach(p -> err.println("IndexPage: " + p));
            return w.problems().isEmpty() ? 0 : 1;
        } catch (IOException e) {
            err.println("IndexPage: " + e.getMessage());
            return 2;
        }
    }

    /**
     * Rebuilds the whole page at {@code file} from the folders beside it. The page is written to a
     * temporary file and moved into place, so a browser never sees half of it.
     *
     * @param writtenBy the tool, named in the page's first line ("the stress suite")
     */
    public static Result write(Path file, String writtenBy) throws IOException {
        Path page = file.toAbsolutePath().normalize();
        if (Files.isDirectory(page)) {
            throw new IOException(file + " is a directory; name the page's file, e.g. " + file.resolve(ResultsLayout.PAGE));
        }
        ResultsLayout layout = new ResultsLayout(page.getParent());
        List<PagePart> parts = parts(layout);
        Files.createDirectories(layout.root());
        // Not Files.createTempFile: its owner-only permissions would stay on the page.
        Path tmp = page.resolveSibling("." + page.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.writeString(tmp, render(parts, writtenBy), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, page, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, page, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        List<String> problems = new ArrayList<>();
        parts.forEach(p -> problems.addAll(p.problems()));
        return new Result(page, problems);
    }

    /**
     * Why a tool that writes {@code out} must not be given this page: the page reads that tool's part
     * from {@code part/} beside itself, so any other output folder would leave the page showing an older
     * run. Empty when {@code out} is that folder.
     */
    public static Optional<String> misplaced(Path page, String part, Path out) {
        Path expected = page.toAbsolutePath().normalize().resolveSibling(part);
        if (expected.equals(out.toAbsolutePath().normalize())) {
            return Optional.empty();
        }
        return Optional.of("--index " + page + " shows the " + part + "/ folder beside it (" + expected
                + "), not " + out + ": write into that folder, put the page beside this one ("
                + out.toAbsolutePath().normalize().resolveSibling(ResultsLayout.PAGE) + "), or leave --index out");
    }

    /** The page's HTML for the folder {@code root}, without writing it. */
    static String render(Path root, String writtenBy) {
        return render(parts(new ResultsLayout(root)), writtenBy);
    }

    private static List<PagePart> parts(ResultsLayout layout) {
        return List.of(StressPart.read(layout), LincheckPart.read(layout), BenchPart.read(layout),
                MergedPart.read(layout), RawFilesPart.read(layout));
    }

    private static String render(List<PagePart> parts, String writtenBy) {
        String when = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        StringBuilder h = new StringBuilder(1 << 20);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>pageflags-stress: results</title>\n<style>\n").append(PageStyle.CSS)
                .append("</style>\n</head>\n<body>\n<header>\n<h1>pageflags-stress: results</h1>\n")
                .append("<p class=\"note\">Written by ").append(Html.text(writtenBy)).append(" at ")
                .append(Html.text(when)).append(". Each part shows the files its tool left beside this page, from the"
                        + " last run that wrote them (the line under each heading says when); a part no run has"
                        + " written says \"not run\".</p>\n")
                .append("<nav>\n<table id=\"contents\">\n<tbody>\n");
        for (PagePart p : parts) {
            h.append("<tr><th>").append(Html.link("#" + p.id(), p.title())).append("</th><td>")
                    .append(Html.tone(p.tone(), p.status())).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</nav>\n</header>\n<main>\n");
        for (PagePart p : parts) {
            h.append("<section id=\"").append(p.id()).append("\">\n<h2>").append(Html.text(p.title()))
                    .append("</h2>\n").append(p.body()).append("</section>\n");
        }
        return h.append("</main>\n</body>\n</html>\n").toString();
    }
}
