package dev.pageflags.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The small results folder under {@code src/test/resources/index-fixture/} (a summary.json of two race
 * variants, one litmus test and one pair, a Lincheck trace, ratios.json, merged.json, two charts),
 * copied where a test may write index.html; and a few ways to cut the page into tables and rows.
 */
final class PageFixture {
    private PageFixture() {
    }

    static Path copyTo(Path dir) throws IOException {
        Path source;
        try {
            URL url = PageFixture.class.getResource("/index-fixture");
            source = Path.of(url.toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IOException("test resource /index-fixture not found", e);
        }
        try (Stream<Path> all = Files.walk(source)) {
            all.forEach(p -> {
                try {
                    Path to = dir.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return dir;
    }

    /** The table with this id, start tag to end tag (the page nests no table in another). */
    static String table(String html, String id) {
        Matcher m = Pattern.compile("<table id=\"" + Pattern.quote(id) + "\"[^>]*>.*?</table>", Pattern.DOTALL)
                .matcher(html);
        assertTrue(m.find(), "no <table id=\"" + id + "\"> in the page");
        return m.group();
    }

    /** The rows of a table's body, each as its HTML. */
    static List<String> bodyRows(String table) {
        String body = table.substring(table.indexOf("<tbody>"));
        List<String> rows = new ArrayList<>();
        Matcher m = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL).matcher(body);
        while (m.find()) {
            rows.add(m.group(1));
        }
        return rows;
    }

    /** The section with this id. */
    static String section(String html, String id) {
        Matcher m = Pattern.compile("<section id=\"" + Pattern.quote(id) + "\">.*?</section>", Pattern.DOTALL)
                .matcher(html);
        assertTrue(m.find(), "no <section id=\"" + id + "\"> in the page");
        return m.group();
    }
}
