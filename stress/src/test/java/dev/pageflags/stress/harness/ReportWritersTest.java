package dev.pageflags.stress.harness;

import dev.pageflags.mm.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportWritersTest {
    private static final SuiteTest BROKEN = Fixtures.test("Race004_X.Broken", "004", Variant.BROKEN);
    private static final SuiteTest FIXED = Fixtures.test("Race004_X.Fixed", "004", Variant.FIXED);
    private static final SuiteTest OTHER = Fixtures.test("Race000_Y.Fixed", "000", Variant.FIXED);
    private static final LincheckVerdict LINCHECK = new LincheckVerdict("Race004_X.Broken", "violation-found", 1200L,
            true, "lincheck/x.txt", "lost PG_waiters");

    private static SuiteReport report() {
        return Fixtures.report(List.of(
                Grader.grade(BROKEN, Fixtures.run(BROKEN, 25, 999_975)).withLincheck(LINCHECK),
                Grader.grade(FIXED, Fixtures.run(FIXED, 0, 1_000)),
                Grader.skipped(OTHER, "needs 2 CPUs")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void summaryJsonHasTheAgreedShape() {
        Map<String, Object> root = (Map<String, Object>) Json.parse(SummaryJson.render(report()));
        assertEquals(List.of("tests", "machine", "budget"), List.copyOf(root.keySet()));
        List<Map<String, Object>> tests = (List<Map<String, Object>>) root.get("tests");
        Map<String, Object> broken = tests.get(0);
        assertEquals("dev.pageflags.stress.Race004_X.Broken", broken.get("test"));
        assertEquals("004", broken.get("seed"));
        assertEquals("broken", broken.get("variant"));
        assertEquals(1_000_000L, broken.get("samples"));
        assertEquals(25L, broken.get("bad"));
        assertEquals("reproduced", broken.get("verdict"));
        assertEquals(25.0, broken.get("ratePerMillion"));
        assertEquals(100_000L, broken.get("samplesPerSecond"));
        Map<String, Object> lincheck = (Map<String, Object>) broken.get("lincheck");
        assertEquals("violation-found", lincheck.get("verdict"));
        assertEquals(1200L, lincheck.get("invocations"));
        assertEquals("held", tests.get(1).get("verdict"));
        assertFalse(tests.get(1).containsKey("lincheck"));
        assertEquals("skipped", tests.get(2).get("verdict"));
        assertNull(tests.get(2).get("samplesPerSecond"));

        Map<String, Object> machine = (Map<String, Object>) root.get("machine");
        assertEquals(2L, machine.get("cpus"));
        assertEquals("AMD EPYC", machine.get("cpuModel"));
        assertEquals("Eclipse Adoptium", machine.get("jvmVendor"));
        assertEquals("25+36", machine.get("jvmVersion"));
        assertEquals("amd64", machine.get("osArch"));
        Map<String, Object> budget = (Map<String, Object>) root.get("budget");
        assertEquals("default", budget.get("name"));
        assertEquals(Budget.DEFAULT.jcstressArgs(25), budget.get("jcstressOptions"));
    }

    @Test
    void summaryMarkdownHasOneRowPerTestAndALincheckColumn() {
        String md = SummaryMarkdown.render(report());
        assertTrue(md.contains("| Test | Seed | Variant | Samples | Bad | Rate per million | Verdict | Lincheck |"), md);
        assertTrue(md.contains("| Race004_X.Broken | 004 | broken | 1,000,000 | 25 | 25.000 | reproduced |"
                + " violation-found (1,200 invocations) [trace](../lincheck/x.txt) |"), md);
        assertTrue(md.contains("| Race004_X.Fixed | 004 | fixed | 1,000 | 0 | 0.000 | held |  |"), md);
        assertTrue(md.contains("| Race000_Y.Fixed | 000 | fixed | 0 | 0 | - | **skipped** |  |"), md);
        assertTrue(md.contains("1 of 3 tests need attention"), md);
        assertTrue(md.contains("2 CPUs, AMD EPYC"), md);
        assertTrue(md.contains("`-sc false -jvmArgs -XX:TieredStopAtLevel=4 -f 1 -iters 12 -time 1000 -af NONE -strideSize 4`"), md);
    }

    @Test
    void junitXmlIsOneSuitePerRaceFileWithOneCasePerTest() throws Exception {
        Map<String, String> files = JUnitXml.render(report());
        assertEquals(List.of("TEST-jcstress-dev.pageflags.stress.Race004_X.xml",
                "TEST-jcstress-dev.pageflags.stress.Race000_Y.xml"), List.copyOf(files.keySet()));

        Element suite = parse(files.get("TEST-jcstress-dev.pageflags.stress.Race004_X.xml"));
        assertEquals("testsuite", suite.getTagName());
        assertEquals("2", suite.getAttribute("tests"));
        assertEquals("0", suite.getAttribute("failures"));
        NodeList cases = suite.getElementsByTagName("testcase");
        Element broken = (Element) cases.item(0);
        assertEquals("Broken", broken.getAttribute("name"));
        assertEquals("dev.pageflags.stress.Race004_X", broken.getAttribute("classname"));
        String out = broken.getElementsByTagName("system-out").item(0).getTextContent();
        assertTrue(out.contains("waiter never woken"), out);
        assertTrue(out.contains("999,975"), out);
        assertTrue(out.contains("Lincheck: violation-found - lost PG_waiters"), out);

        Element skipped = parse(files.get("TEST-jcstress-dev.pageflags.stress.Race000_Y.xml"));
        assertEquals("1", skipped.getAttribute("skipped"));
        assertEquals(1, skipped.getElementsByTagName("skipped").getLength());
    }

    @Test
    void junitXmlFailsNotReproducedAndFailedTests() throws Exception {
        SuiteReport r = Fixtures.report(List.of(
                Grader.grade(BROKEN, Fixtures.run(BROKEN, 0, 10)),
                Grader.grade(FIXED, Fixtures.run(FIXED, 1, 10))));
        Element suite = parse(JUnitXml.render(r).values().iterator().next());
        assertEquals("2", suite.getAttribute("failures"));
        NodeList failures = suite.getElementsByTagName("failure");
        assertEquals("not-reproduced", ((Element) failures.item(0)).getAttribute("type"));
        assertTrue(((Element) failures.item(0)).getAttribute("message").contains("-Dstress.budget=tough"));
        assertEquals("failed", ((Element) failures.item(1)).getAttribute("type"));
    }

    @Test
    void xmlEscapingSurvivesAwkwardText() throws Exception {
        assertEquals("a&amp;&lt;b&gt;&quot;&apos;&#10;", JUnitXml.attr("a&<b>\"'\n\u0001"));
        String cdata = JUnitXml.cdata("x]]>y");
        Element e = parse("<?xml version=\"1.0\"?><o>" + cdata + "</o>");
        assertEquals("x]]>y", e.getTextContent());
    }

    @Test
    void reportFilesGoToResultsAndTheJUnitDirectory(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("results/stress");
        Path junit = dir.resolve("target/surefire-reports");
        Files.createDirectories(results.resolve("old"));
        Files.writeString(results.resolve("old/stale.html"), "old");
        Files.createDirectories(junit);
        Files.writeString(junit.resolve("TEST-dev.pageflags.SomeUnitTest.xml"), "keep");
        Files.writeString(junit.resolve("TEST-jcstress-old.xml"), "drop");

        ReportFiles.prepare(results, junit);
        assertFalse(Files.exists(results.resolve("old")));
        assertTrue(Files.exists(junit.resolve("TEST-dev.pageflags.SomeUnitTest.xml")));
        assertFalse(Files.exists(junit.resolve("TEST-jcstress-old.xml")));

        ReportFiles.write(report(), results, junit);
        assertTrue(Files.isRegularFile(results.resolve("summary.json")));
        assertTrue(Files.isRegularFile(results.resolve("summary.md")));
        assertTrue(Files.isRegularFile(junit.resolve("TEST-jcstress-dev.pageflags.stress.Race004_X.xml")));
        assertTrue(Files.isRegularFile(results.resolve("junit/TEST-jcstress-dev.pageflags.stress.Race000_Y.xml")));
    }

    private static Element parse(String xml) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return doc.getDocumentElement();
    }
}
