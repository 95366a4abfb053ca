package dev.pageflags.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static dev.pageflags.report.PageFixture.bodyRows;
import static dev.pageflags.report.PageFixture.section;
import static dev.pageflags.report.PageFixture.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The page as a real browser builds it: headless Chromium loads index.html from the fixture folder and
 * the test reads the DOM it built. An HTML parser moves or drops what does not fit where it stands (a
 * stray element in a table row, an XML declaration in the body), so a page that only looks right as
 * text fails here. Without Chromium the test is skipped, saying what to install.
 */
@Timeout(90)
class IndexPageBrowserTest {
    private static final Logger LOG = LoggerFactory.getLogger(IndexPageBrowserTest.class);

    @TempDir
    Path dir;

    @Test
    void chromiumFindsTheVerdictTableAndParsesTheCharts() throws Exception {
        Optional<HeadlessChromium> chromium = HeadlessChromium.find();
        if (chromium.isEmpty()) {
            LOG.warn("Skipping the browser check of results/index.html: no Chromium at {}; {}.",
                    HeadlessChromium.where(), HeadlessChromium.INSTALL);
        }
        assumeTrue(chromium.isPresent(), () -> "no Chromium at " + HeadlessChromium.where()
                + ", so results/index.html was not loaded in a real browser: " + HeadlessChromium.INSTALL);
        Path results = PageFixture.copyTo(dir.resolve("results"));
        Path page = IndexPage.write(results.resolve("index.html"), "the browser test").page();

        String dom = chromium.get().dumpDom(page, dir);

        List<String> races = bodyRows(table(dom, "races"));
        assertEquals(2, races.size(), "race rows in the browser's DOM");
        for (String row : races) {
            assertEquals(10, row.split("<td", -1).length - 1, "ten cells in every race row: " + row);
        }
        assertTrue(races.get(0).contains("Race9_Fixture.<wbr>Broken</a>"), races.get(0));
        assertTrue(races.get(0).contains("<span class=\"t-pass\">reproduced</span>"), races.get(0));
        assertTrue(races.get(1).contains("<span class=\"t-fail\">failed</span>"), races.get(1));

        String chart = section(dom, "bench");
        assertTrue(chart.contains("<figure class=\"chart\" id=\"bench-chart\"><svg xmlns=\"http://www.w3.org/2000/svg\""),
                "the chart is an svg element in the DOM: " + chart);
        assertTrue(chart.contains("<text x=\"140\" y=\"25\" font-size=\"12\">fixture chart</text>"), chart);
        assertFalse(dom.contains("<!--?xml"), "an XML declaration the parser turned into a comment");

        assertFalse(dom.contains("<script"), "the description's script tag must stay text");
        assertTrue(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the description, escaped");
        assertTrue(dom.contains("<details class=\"trace\" id=\"lincheck-Race9_Fixture.Broken\">"), "the trace");
    }
}
