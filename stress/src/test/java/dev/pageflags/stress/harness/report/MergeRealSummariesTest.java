package dev.pageflags.stress.harness.report;

import dev.pageflags.stress.harness.Formats;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tool on the committed JDK 17 and JDK 25 runs of the suite: the tables, the JSON, the chart. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MergeRealSummariesTest {
    @TempDir
    static Path dir;
    private static Path jdk17;
    private static Path jdk25;
    private static Path out;
    private static MergeFixtures.Result result;

    @BeforeAll
    static void merge() throws Exception {
        jdk17 = MergeFixtures.real(MergeFixtures.JDK17, dir);
        jdk25 = MergeFixtures.real(MergeFixtures.JDK25, dir);
        out = dir.resolve("merged");
        result = MergeFixtures.run("--out", out, jdk17, jdk25);
    }

    @Test
    void exitsZeroAndWritesTheThreeFiles() {
        assertEquals(0, result.code(), result.err());
        assertEquals("", result.err());
        assertTrue(result.out().contains("merged 2 runs"), result.out());
        for (String name : List.of("merged.md", "merged.json", "rates.svg")) {
            assertTrue(Files.isRegularFile(out.resolve(name)), name);
        }
    }

    @Test
    void withIndexTheResultsPageShowsTheMergedRuns(@TempDir Path results) throws Exception {
        Path page = results.resolve("index.html");
        MergeFixtures.Result r = MergeFixtures.run("--out", results.resolve("merged"), "--index", page, jdk17, jdk25);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("rewrote the results page " + page), r.out());
        String html = Files.readString(page);
        String races = html.substring(html.indexOf("<table id=\"merged-races\">"));
        races = races.substring(0, races.indexOf("</table>"));
        assertEquals(MergeFixtures.testsOfKind(jdk17, "races", "calibration"), races.split("<tr>", -1).length - 2,
                "one row per race test and calibration-kind test, after the header: " + races);
        assertTrue(html.contains("<figure class=\"chart\" id=\"merged-chart\"><svg"), "the rates chart, inline");
        assertTrue(html.contains("Written by MergeSummaries"), html.substring(0, 2000));
    }

    @Test
    void headerListsEachRunWithItsFileMachineJvmAndBudget() throws Exception {
        String md = Files.readString(out.resolve("merged.md"));
        String[] lines = md.split("\n");
        assertTrue(lines[0].startsWith("# JCStress suite: 2 runs merged"));
        int i = 0;
        for (Path file : List.of(jdk17, jdk25)) {
            JsonObject machine = MergeFixtures.json(file).getAsJsonObject("machine");
            String row = lines[4 + i];
            assertTrue(row.startsWith("| #" + (i + 1) + " | `" + file + "` | "
                    + MergeFixtures.json(file).get("runId").getAsString() + " | "), row);
            assertTrue(row.contains(machine.get("cpuModel").getAsString() + ", " + machine.get("cpus").getAsInt()
                    + " CPUs, " + machine.get("osArch").getAsString()), row);
            assertTrue(row.contains("JDK " + machine.get("jvmFeature").getAsInt() + " ("), row);
            assertTrue(row.endsWith("| " + MergeFixtures.json(file).getAsJsonObject("budget").get("name")
                    .getAsString() + " |"), row);
            i++;
        }
    }

    @Test
    void oneTablePerRaceTestWithOneRowPerRunCarryingThatRunsNumbers() throws Exception {
        List<String> md = List.of(Files.readString(out.resolve("merged.md")).split("\n"));
        JsonArray tests17 = MergeFixtures.json(jdk17).getAsJsonArray("tests");
        int races = 0;
        for (JsonElement e : tests17) {
            JsonObject t = e.getAsJsonObject();
            if (!t.get("kind").getAsString().equals("races")) {
                continue;
            }
            races++;
            String name = t.get("test").getAsString();
            List<String> rows = tableRows(md, "### `" + MergedView.shortName(name) + "` (races, ");
            assertEquals(2, rows.size(), name);
            int run = 0;
            for (Path file : List.of(jdk17, jdk25)) {
                JsonObject row = find(MergeFixtures.json(file).getAsJsonArray("tests"), "test", name);
                long samples = row.get("samples").getAsLong();
                String expected = " | " + Formats.grouped(samples) + " | "
                        + Formats.grouped(row.get("bad").getAsLong()) + " | "
                        + (samples == 0 ? "-" : String.format(Locale.ROOT, "%,.3f",
                        row.get("ratePerMillion").getAsDouble())) + " | " + row.get("verdict").getAsString() + " |";
                assertTrue(rows.get(run).startsWith("| #" + (run + 1) + " | "), rows.get(run));
                assertTrue(rows.get(run).endsWith(expected), rows.get(run) + " should end with " + expected);
                run++;
            }
        }
        assertEquals(16, races, "the reference run's race tests");
        // A litmus test or a bit-op pair has its table in its own section only.
        assertFalse(md.stream().anyMatch(l -> l.startsWith("### `litmus.")), "litmus tests listed among races");
    }

    @Test
    void oneTablePerLitmusTestAndPerPairWithOneRowPerRun() throws Exception {
        List<String> md = List.of(Files.readString(out.resolve("merged.md")).split("\n"));
        JsonArray litmus17 = MergeFixtures.json(jdk17).getAsJsonArray("litmus");
        JsonArray litmus25 = MergeFixtures.json(jdk25).getAsJsonArray("litmus");
        assertEquals(35, litmus17.size());
        for (JsonElement e : litmus17) {
            JsonObject l = e.getAsJsonObject();
            List<String> rows = tableRows(md, "### `" + l.get("litmus").getAsString() + "` (LKMM "
                    + l.get("lkmm").getAsString() + ", x86-TSO " + l.get("x86").getAsString() + ")");
            assertEquals(2, rows.size(), l.get("litmus").getAsString());
            JsonObject other = find(litmus25, "test", l.get("test").getAsString());
            assertTrue(rows.get(0).endsWith(" | " + Formats.grouped(l.get("samples").getAsLong()) + " | "
                    + Formats.grouped(l.get("observed").getAsLong()) + " | " + l.get("grade").getAsString()
                    + " |"), rows.get(0));
            assertTrue(rows.get(1).endsWith(" | " + other.get("grade").getAsString() + " |"), rows.get(1));
        }
        JsonArray pairs = MergeFixtures.json(jdk17).getAsJsonArray("atomicity");
        for (JsonElement e : pairs) {
            JsonObject p = e.getAsJsonObject();
            List<String> rows = tableRows(md, "### `" + p.get("pair").getAsString() + "` ("
                    + (p.get("atomic").getAsBoolean() ? "atomic" : "non-atomic") + ")");
            assertEquals(2, rows.size(), p.get("test").getAsString());
        }
    }

    @Test
    void mergedJsonHasTheSameTables() throws Exception {
        JsonObject merged = MergeFixtures.json(out.resolve("merged.json"));
        JsonArray runs = merged.getAsJsonArray("runs");
        assertEquals(2, runs.size());
        assertEquals(jdk25.toString(), runs.get(1).getAsJsonObject().get("file").getAsString());
        int feature = MergeFixtures.json(jdk25).getAsJsonObject("machine").get("jvmFeature").getAsInt();
        assertEquals(feature, runs.get(1).getAsJsonObject().get("jvmFeature").getAsInt());
        JsonArray tests = merged.getAsJsonArray("tests");
        assertEquals(MergeFixtures.testsOfKind(jdk17, "races", "calibration"), tests.size(),
                "the race tests and the calibration-kind tests");
        for (JsonElement t : tests) {
            assertEquals(2, t.getAsJsonObject().getAsJsonArray("runs").size());
        }
        JsonObject first = tests.get(0).getAsJsonObject();
        JsonObject source = find(MergeFixtures.json(jdk17).getAsJsonArray("tests"), "test",
                first.get("test").getAsString());
        JsonObject row = first.getAsJsonArray("runs").get(0).getAsJsonObject();
        assertEquals(source.get("samples").getAsLong(), row.get("samples").getAsLong());
        assertEquals(source.get("bad").getAsLong(), row.get("bad").getAsLong());
        assertEquals(source.get("verdict").getAsString(), row.get("verdict").getAsString());
        assertEquals(35, merged.getAsJsonArray("litmus").size());
        assertEquals(56, merged.getAsJsonArray("atomicity").size());
    }

    @Test
    void chartIsPlainSvgWithOneMarkPerRaceAndRunAndALegendPerRun() throws Exception {
        Document svg = parse(out.resolve("rates.svg"));
        assertEquals("svg", svg.getDocumentElement().getLocalName());
        assertEquals(0, svg.getElementsByTagNameNS("*", "script").getLength());
        assertEquals(0, svg.getElementsByTagNameNS("*", "image").getLength());
        assertFalse(Files.readString(out.resolve("rates.svg")).contains("href"), "no external assets");
        List<Element> marks = byClass(svg, "g", "mark");
        assertEquals(16 * 2, marks.size(), "the races' and the calibration test's marks, arm64's not-run one left out");
        Set<String> seen = new HashSet<>();
        for (Element mark : marks) {
            assertTrue(seen.add(mark.getAttribute("data-test") + " " + mark.getAttribute("data-run")));
        }
        List<Element> legend = byClass(svg, "g", "legend");
        assertEquals(2, legend.size());
        assertTrue(legend.get(1).getTextContent().contains("JDK "
                + MergeFixtures.json(jdk25).getAsJsonObject("machine").get("jvmFeature").getAsInt()));
        assertTrue(svg.getDocumentElement().getTextContent().contains("log scale"), "axis label");
        for (Element text : elements(svg, "text")) {
            assertTrue(Integer.parseInt(text.getAttribute("font-size")) >= 12, "readable text");
        }
    }

    @Test
    void zeroRatesAreDrawnOnTheFloorAndLabelledZero() throws Exception {
        Document svg = parse(out.resolve("rates.svg"));
        Double floor = null;
        int zeros = 0;
        for (Element mark : byClass(svg, "g", "mark")) {
            JsonObject row = find(MergeFixtures.json(mark.getAttribute("data-run").equals("#1") ? jdk17 : jdk25)
                    .getAsJsonArray("tests"), "test", mark.getAttribute("data-test"));
            if (row.get("samples").getAsLong() > 0 && row.get("bad").getAsLong() == 0) {
                zeros++;
                assertEquals(1, byClass(mark, "path", "zero").size(), mark.getAttribute("data-test"));
                assertEquals("0", elements(mark, "text").get(0).getTextContent());
                double x = Double.parseDouble(byClass(mark, "path", "zero").get(0).getAttribute("d").split(" ")[1]);
                if (floor == null) {
                    floor = x;
                }
                assertEquals(floor, x, 1e-9, "every zero on the same floor");
            } else if (row.get("samples").getAsLong() > 0) {
                Element bar = byClass(mark, "rect", "bar").get(0);
                assertTrue(Double.parseDouble(bar.getAttribute("width")) > 0);
            }
        }
        assertTrue(zeros >= 2 * 7, "the fixed variants held in both runs");
        for (Element bar : byClass(svg, "rect", "bar")) {
            assertEquals(floor, Double.parseDouble(bar.getAttribute("x")), 1e-9, "bars start at the floor");
        }
    }

    @Test
    void mergesAnyNumberOfRuns() throws Exception {
        Path third = Files.copy(jdk17, dir.resolve("again.json"));
        Path three = dir.resolve("three");
        MergeFixtures.Result r = MergeFixtures.run("--out=" + three, jdk17, jdk25, third);
        assertEquals(0, r.code(), r.err());
        List<String> md = List.of(Files.readString(three.resolve("merged.md")).split("\n"));
        assertEquals(3, tableRows(md, "### `Race000_MlockWithoutPageLock.Broken` (races, broken)").size());
        assertEquals(16 * 3, byClass(parse(three.resolve("rates.svg")), "g", "mark").size());
    }

    /** The body rows of the table under the first heading starting with {@code heading}. */
    private static List<String> tableRows(List<String> md, String heading) {
        int at = -1;
        for (int i = 0; i < md.size(); i++) {
            if (md.get(i).startsWith(heading)) {
                at = i;
                break;
            }
        }
        assertTrue(at >= 0, "no table headed " + heading);
        List<String> rows = new ArrayList<>();
        // Heading, blank line, header row, separator, then rows until the next blank line.
        for (int i = at + 4; i < md.size() && md.get(i).startsWith("| "); i++) {
            rows.add(md.get(i));
        }
        return rows;
    }

    private static JsonObject find(JsonArray rows, String key, String value) {
        for (JsonElement e : rows) {
            if (e.getAsJsonObject().get(key).getAsString().equals(value)) {
                return e.getAsJsonObject();
            }
        }
        throw new AssertionError("no row with " + key + " = " + value);
    }

    static Document parse(Path svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        // The chart must stand alone: refusing a DOCTYPE also refuses any external entity.
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory.newDocumentBuilder().parse(svg.toFile());
    }

    private static List<Element> elements(Object root, String tag) {
        NodeList nodes = root instanceof Document d ? d.getElementsByTagNameNS("*", tag)
                : ((Element) root).getElementsByTagNameNS("*", tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static List<Element> byClass(Object root, String tag, String cls) {
        return elements(root, tag).stream().filter(e -> List.of(e.getAttribute("class").split(" ")).contains(cls))
                .toList();
    }
}
