package dev.pageflags.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.pageflags.report.PageFixture.section;
import static dev.pageflags.report.PageFixture.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the page says when parts are missing, refused or unreadable; and the command line's exit codes. */
class IndexPageInputsTest {
    @TempDir
    Path dir;

    private String write() throws IOException {
        IndexPage.write(dir.resolve("index.html"), "the test");
        return Files.readString(dir.resolve("index.html"));
    }

    @Test
    void anEmptyFolderSaysNotRunForEveryPart() throws IOException {
        String page = write();
        for (String part : new String[] {"stress", "lincheck", "bench", "merged"}) {
            assertTrue(section(page, part).contains("Not run: "), part + ": " + section(page, part));
        }
        String contents = table(page, "contents");
        assertEquals(4, contents.split("<span class=\"t-warn\">not run</span>", -1).length - 1, contents);
        assertTrue(section(page, "stress").contains("mvn verify runs the suite"), "says how to make it");
        assertTrue(table(page, "files-list").contains("not there"));
    }

    @Test
    void aRefusedRunIsShownAsRefused() throws IOException {
        Files.createDirectories(dir.resolve("stress"));
        Files.writeString(dir.resolve("stress/summary.json"),
                "{\"refused\": \"Unknown stress.group 'race'. Use races, litmus, atomicity or all.\", \"tests\": []}");
        String stress = section(write(), "stress");
        assertTrue(stress.contains("<p class=\"problem\">The suite refused to run, nothing ran: Unknown stress.group"
                + " &#39;race&#39;."), stress);
        assertFalse(stress.contains("<table id=\"races\">"), "no verdict table for a run that never ran");
    }

    @Test
    void aFailedRunShowsItsProblemBeforeTheTable() throws IOException {
        PageFixture.copyTo(dir);
        Path summary = dir.resolve("stress/summary.json");
        Files.writeString(summary, Files.readString(summary).replace("\"problem\": null",
                "\"problem\": \"This machine has 1 CPU; JCStress needs at least 2\""));
        String page = write();
        String stress = section(page, "stress");
        assertTrue(stress.indexOf("could not run as asked: This machine has 1 CPU")
                < stress.indexOf("<table id=\"races\">"), stress);
        assertTrue(table(page, "contents").contains("<span class=\"t-fail\">could not run as asked, 1 of 4 tests"),
                table(page, "contents"));
    }

    @Test
    void benchWithOnlyReportMdLinksIt() throws IOException {
        Files.createDirectories(dir.resolve("bench"));
        Files.writeString(dir.resolve("bench/report.md"), "# report\n");
        String bench = section(write(), "bench");
        assertTrue(bench.contains("The ratio table of this run is in <a href=\"bench/report.md\">report.md</a>"), bench);
    }

    @Test
    void benchWithNoReportSaysTheRunDidNotFinish() throws IOException {
        Files.createDirectories(dir.resolve("bench"));
        Files.writeString(dir.resolve("bench/jmh.json"), "[]");
        assertTrue(section(write(), "bench").contains("class=\"problem\">bench/ holds no report.md and no ratios.json"));
    }

    @Test
    void unreadableJsonIsAProblemOnThePageAndInTheResult() throws IOException {
        Files.createDirectories(dir.resolve("stress"));
        Files.writeString(dir.resolve("stress/summary.json"), "{ not json");
        Files.createDirectories(dir.resolve("bench"));
        Files.writeString(dir.resolve("bench/ratios.json"), "[1, 2]");
        IndexPage.Result r = IndexPage.write(dir.resolve("index.html"), "the test");
        assertEquals(2, r.problems().size(), r.problems().toString());
        assertTrue(r.problems().get(0).startsWith("stress/summary.json is not JSON"), r.problems().get(0));
        assertTrue(r.problems().get(1).startsWith("bench/ratios.json is not a JSON object"), r.problems().get(1));
        String page = Files.readString(dir.resolve("index.html"));
        assertTrue(section(page, "stress").contains("<p class=\"problem\">stress/summary.json is not JSON"));
    }

    @Test
    void commandLineExitsOneWhenAnInputIsUnreadableAndTwoOnBadUsage() throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(0, IndexPage.run(new String[] {dir.resolve("index.html").toString()}, out, errStream));
        Files.createDirectories(dir.resolve("merged"));
        Files.writeString(dir.resolve("merged/merged.json"), "");
        assertEquals(1, IndexPage.run(new String[] {dir.resolve("index.html").toString()}, out, errStream));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("merged/merged.json is not a JSON object"),
                err.toString(StandardCharsets.UTF_8));
        assertEquals(2, IndexPage.run(new String[] {}, out, errStream));
        assertEquals(2, IndexPage.run(new String[] {dir.toString()}, out, errStream), "a folder is not a page");
    }
}
