package dev.pageflags.report;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.pageflags.report.PageFixture.bodyRows;
import static dev.pageflags.report.PageFixture.section;
import static dev.pageflags.report.PageFixture.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page built from the fixture folder: its tables, its links, and what a write leaves. */
class IndexPageTest {
    @TempDir
    Path dir;
    private String page;

    @BeforeEach
    void writePage() throws IOException {
        PageFixture.copyTo(dir);
        IndexPage.Result result = IndexPage.write(dir.resolve("index.html"), "the test");
        assertEquals(List.of(), result.problems());
        page = Files.readString(dir.resolve("index.html"));
    }

    @Test
    void raceTableHasOneRowPerVariantWithItsClaimVerdictAndCounts() {
        List<String> rows = bodyRows(table(page, "races"));
        assertEquals(2, rows.size(), "two race variants in the fixture; litmus and pairs have their own tables");
        String broken = rows.get(0);
        assertTrue(broken.contains("Race9_Fixture.<wbr>Broken"), broken);
        assertTrue(broken.contains("must be seen"), broken);
        assertTrue(broken.contains("<span class=\"t-pass\">reproduced</span>"), broken);
        assertTrue(broken.contains(">13,464,432<") && broken.contains(">1,845,684<") && broken.contains(">137078.489<"),
                broken);
        String fixed = rows.get(1);
        assertTrue(fixed.contains("never seen"), fixed);
        assertTrue(fixed.contains("<span class=\"t-fail\">failed</span>"), fixed);
        assertTrue(fixed.contains("FORBIDDEN state seen 3 times"), "a failing verdict shows its reason: " + fixed);
    }

    @Test
    void aRaceShowsItsSamplingRateAndItsShareOfTheCalibrationRateMarkedWhenBelowTheFloor() {
        String broken = bodyRows(table(page, "races")).get(0);
        assertTrue(broken.contains("<td class=\"num\">839,094<div class=\"desc\"><span class=\"t-warn\""
                + " title=\"below the suite's rate floor\">0.047x</span></div></td>"), broken);
        assertTrue(bodyRows(table(page, "races")).get(1).contains("<td class=\"num\">-</td>"),
                "a test without a rate shows '-'");
    }

    @Test
    void theVerdictLineCountsTheFailingTest() {
        assertTrue(section(page, "stress").contains("1 of 4 tests need attention (1 not run)"), section(page, "stress"));
    }

    @Test
    void testNamesLinkOnlyToJcstressPagesThatExist() {
        List<String> rows = bodyRows(table(page, "races"));
        assertTrue(rows.get(0).contains("<a href=\"stress/dev.pageflags.stress.Race9_Fixture.Broken.html\">"),
                rows.get(0));
        assertFalse(rows.get(1).contains("<a href=\"stress/"), "Fixed has no JCStress page in the fixture: "
                + rows.get(1));
        String litmus = table(page, "litmus");
        assertTrue(litmus.contains("href=\"stress/litmus-atomicity/"
                + "dev.pageflags.stress.litmus.StoreBuffering.SB_poonceonces.html\""), litmus);
        assertFalse(table(page, "atomicity").contains("<a "), "the pair has no page: no link");
    }

    @Test
    void lincheckColumnLinksToTheTraceRenderedOnThePage() {
        String broken = bodyRows(table(page, "races")).get(0);
        assertTrue(broken.contains("violation-found") && broken.contains("30 of 300 interleavings"), broken);
        assertTrue(broken.contains("<a href=\"#lincheck-Race9_Fixture.Broken\">trace</a>"), broken);
        String traces = section(page, "lincheck");
        assertTrue(traces.contains("<details class=\"trace\" id=\"lincheck-Race9_Fixture.Broken\">"), traces);
        assertTrue(traces.contains("<h3>Race9_Fixture.Broken</h3>"), traces);
        assertTrue(traces.contains("<th>Main Thread</th><th>Thread 1</th><th>Thread 2</th>"), traces);
        assertTrue(traces.contains("<td><div style=\"margin-left:2ch\">flags(): PG_lru|PG_mlo</div></td>"),
                "a '|' inside a cell stays in its cell, the call depth is a margin: " + traces);
        assertTrue(traces.contains("<a href=\"lincheck/Race9_Fixture.Broken.txt\">raw text</a>"), traces);
    }

    @Test
    void runTableShowsMachineAndBudget() {
        String run = table(page, "run");
        assertTrue(run.contains("Fixture JVM 17 (feature 17)"), run);
        assertTrue(run.contains("<code>quick</code>, a glance"), run);
        assertTrue(run.contains("<code>-f 1 -iters 1</code>"), run);
        assertTrue(run.contains("12.5 s, exit code 1"), run);
    }

    @Test
    void ratioTablesFollowTheSectionsOfRatiosJson() {
        List<String> targets = bodyRows(table(page, "ratios-0"));
        assertEquals(3, targets.size());
        assertTrue(targets.get(0).contains(">1.06x<") && targets.get(0).contains(">[1.01, 1.12]<")
                && targets.get(0).contains(">1.1x<"), targets.get(0));
        assertTrue(targets.get(0).contains("<span class=\"t-warn\">inconclusive</span>"), targets.get(0));
        assertTrue(targets.get(1).contains("<span class=\"t-pass\">met</span>"), targets.get(1));
        assertTrue(targets.get(2).contains("<span class=\"t-fail\">missed</span>"), targets.get(2));
        List<String> atomic = bodyRows(table(page, "ratios-1"));
        assertEquals(1, atomic.size());
        assertTrue(atomic.get(0).contains("set_bit / __set_bit") && atomic.get(0).contains(">-<"),
                "missing fields print '-': " + atomic.get(0));
        String bench = section(page, "bench");
        assertTrue(bench.contains("<h3>Atomic / non-atomic</h3>"), bench);
        assertTrue(bench.contains("<a href=\"bench/report.md\">report.md</a>"), bench);
    }

    @Test
    void chartsAreInlinedWithoutTheirXmlDeclaration() {
        String bench = section(page, "bench");
        assertTrue(bench.contains("<figure class=\"chart\" id=\"bench-chart\"><svg "), bench);
        assertTrue(bench.contains("fixture chart"), bench);
        assertTrue(section(page, "merged").contains("<figure class=\"chart\" id=\"merged-chart\"><svg "));
        assertFalse(page.contains("<?xml"), "an XML declaration inside HTML is no declaration");
    }

    @Test
    void mergedViewListsRunsAndVerdictsSideBySide() {
        assertEquals(2, bodyRows(table(page, "merged-runs")).size());
        List<String> races = bodyRows(table(page, "merged-races"));
        assertEquals(1, races.size());
        assertTrue(races.get(0).contains("<span class=\"t-pass\">reproduced</span>")
                && races.get(0).contains("<span class=\"t-fail\">not-reproduced</span>"), races.get(0));
        assertTrue(races.get(0).contains("10 of 1,000"), races.get(0));
        assertTrue(section(page, "merged").contains("<a href=\"merged/merged.md\">merged.md</a>"));
        assertEquals(1, bodyRows(table(page, "merged-litmus")).size());
    }

    @Test
    void rawFilesAreLinked() {
        String files = table(page, "files-list");
        for (String f : List.of("stress/summary.json", "stress/summary.md", "bench/jmh.json", "bench/ratios.json",
                "merged/merged.json", "lincheck/Race9_Fixture.Broken.txt")) {
            assertTrue(files.contains("<a href=\"" + f + "\">"), f + " not linked: " + files);
        }
        assertTrue(files.contains("1 JCStress test pages"), files);
    }

    @Test
    void contentsGiveEachPartItsStatus() {
        String contents = table(page, "contents");
        assertTrue(contents.contains("<a href=\"#stress\">Stress suite</a></th><td><span class=\"t-fail\">"
                + "1 of 4 tests need attention (1 not run)</span>"), contents);
        assertTrue(contents.contains("<a href=\"#lincheck\">Lincheck traces</a></th><td><span class=\"t-pass\">1 trace"),
                contents);
        assertTrue(contents.contains("4 ratios, inconclusive 1, met 1, missed 1, info 1"), contents);
    }

    @Test
    void eachWriteReplacesThePageWhole() throws IOException {
        Files.delete(dir.resolve("bench/ratios.json"));
        IndexPage.write(dir.resolve("index.html"), "the test");
        String again = Files.readString(dir.resolve("index.html"));
        assertFalse(again.contains("id=\"ratios-0\""), "the ratio table of a ratios.json that is gone");
        assertTrue(section(again, "bench").contains("the run wrote no ratios.json"), section(again, "bench"));
        try (var left = Files.list(dir)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList(),
                    "no temporary file left beside the page");
        }
    }
}
