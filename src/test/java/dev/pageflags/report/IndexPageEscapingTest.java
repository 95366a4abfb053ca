package dev.pageflags.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.pageflags.report.PageFixture.section;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Text read from files shows as text: descriptions, trace lines, file names; an active SVG is not inlined. */
class IndexPageEscapingTest {
    @TempDir
    Path dir;

    @Test
    void htmlInTheInputsIsEscaped() throws IOException {
        PageFixture.copyTo(dir);
        IndexPage.write(dir.resolve("index.html"), "a <b>writer</b>");
        String page = Files.readString(dir.resolve("index.html"));
        assertFalse(page.contains("<script"), "the fixture's description holds a script tag");
        assertTrue(page.contains("fixture: the &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;"
                + " description stays text"), section(page, "stress"));
        assertTrue(section(page, "lincheck").contains("&lt;b&gt;not bold&lt;/b&gt;"));
        assertTrue(page.contains("Written by a &lt;b&gt;writer&lt;/b&gt;"));
    }

    @Test
    void escapesEveryMarkupCharacter() {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;",
                Html.text("<a href=\"x\" title='y'>&amp;</a>"));
        assertEquals("", Html.text(null));
    }

    @Test
    void fileNamesInLinksArePercentEncoded() throws IOException {
        Files.createDirectories(dir.resolve("bench"));
        Files.writeString(dir.resolve("bench/a \"b\"<c>#.md"), "x");
        IndexPage.write(dir.resolve("index.html"), "the test");
        String files = Files.readString(dir.resolve("index.html"));
        assertTrue(files.contains("<a href=\"bench/a%20%22b%22%3Cc%3E%23.md\">a &quot;b&quot;&lt;c&gt;#.md</a>"),
                section(files, "files"));
    }

    @Test
    void anSvgThatCouldRunCodeIsLinkedNotInlined() throws IOException {
        Files.createDirectories(dir.resolve("bench"));
        Files.writeString(dir.resolve("bench/report.md"), "# report\n");
        Files.writeString(dir.resolve("bench/chart.svg"),
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect onclick=\"alert(1)\"/></svg>");
        IndexPage.Result r = IndexPage.write(dir.resolve("index.html"), "the test");
        assertEquals(1, r.problems().size(), r.problems().toString());
        String bench = section(Files.readString(dir.resolve("index.html")), "bench");
        assertFalse(bench.contains("onclick"), bench);
        assertTrue(bench.contains("bench/chart.svg holds a script, an event handler or foreign content"), bench);
        assertTrue(bench.contains("<a href=\"bench/chart.svg\">Open bench/chart.svg</a>"), bench);
    }

    @Test
    void svgChecks() throws IOException, UnreadableInput {
        Path svg = dir.resolve("x.svg");
        for (String active : new String[] {"<svg><script>1</script></svg>", "<svg><a href=\"javascript:x\"/></svg>",
                "<svg><foreignObject/></svg>", "<svg><g onload =\"x\"/></svg>", "no svg here"}) {
            Files.writeString(svg, active);
            assertThrows(UnreadableInput.class, () -> InlineSvg.read(svg, "x.svg"), active);
        }
        Files.writeString(svg, "<?xml version=\"1.0\"?>\n<!-- c -->\n<svg width=\"1\"><text>tone</text></svg>\n");
        assertEquals("<svg width=\"1\"><text>tone</text></svg>", InlineSvg.read(svg, "x.svg"));
    }
}
