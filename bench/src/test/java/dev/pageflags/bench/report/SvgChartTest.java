package dev.pageflags.bench.report;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SvgChartTest {
    private static final List<RatioSpec> RATIOS = List.of(
            RatioSpec.target("Targets", "set_bit / lock or", "FlagOpsBench.setBit", "native:lock_or", 1.5, ""),
            RatioSpec.target("Targets", "lock_page / ReentrantLock", "PageLockBench.lockPageUnlockPage",
                    "PageLockBench.reentrantLock", 1.0, ""),
            RatioSpec.target("Targets", "clear_bit / lock or", "FlagOpsBench.clearBit", "native:lock_or", 1.5, ""),
            RatioSpec.info("Other", "<absent> & missing", "A.b", "C.d", ""));

    private static final String FLOOR = Fixtures.floor(Map.of("lock_or", new double[] {2, 2, 2, 2, 2}));

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static Document render() throws Exception {
        ResultSet run = Fixtures.run(FLOOR,
                Fixtures.forked("dev.pageflags.bench.FlagOpsBench.setBit", 9.0, 9.1, 8.9, 9.0, 9.0),
                Fixtures.forked("dev.pageflags.bench.FlagOpsBench.clearBit", 2.0, 2.5, 3.0, 3.5, 4.0),
                Fixtures.forked("dev.pageflags.bench.PageLockBench.lockPageUnlockPage", 18.0, 18.1, 17.9, 18.0, 18.0),
                Fixtures.forked("dev.pageflags.bench.PageLockBench.reentrantLock", 20.0, 20.1, 19.9, 20.0, 20.0));
        return parse(new SvgChart(RATIOS).render(run));
    }

    private static List<String> texts(Document doc) {
        NodeList nodes = doc.getElementsByTagName("text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    private static List<Element> elements(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    @Test
    void isWellFormedSvgWithASize() throws Exception {
        Element root = render().getDocumentElement();
        assertEquals("svg", root.getTagName());
        assertEquals("http://www.w3.org/2000/svg", root.getAttribute("xmlns"));
        assertTrue(Integer.parseInt(root.getAttribute("height")) > 200);
    }

    @Test
    void labelsEveryBenchmarkInstructionAndRatio() throws Exception {
        List<String> texts = texts(render());
        assertTrue(texts.contains("setBit"), texts::toString);
        assertTrue(texts.contains("lockPageUnlockPage"), texts::toString);
        assertTrue(texts.contains("lock_or  (lock_or (mem))"), texts::toString);
        assertTrue(texts.contains("set_bit / lock or"), texts::toString);
        assertTrue(texts.contains("<absent> & missing"), "markup characters are escaped and survive");
        assertTrue(texts.contains("not run"), texts::toString);
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("4.5") && t.contains("x [") && t.endsWith("\u2264 1.5x: missed")),
                texts::toString);
    }

    @Test
    void eachRatioBarCarriesItsVerdictAndItsColour() throws Exception {
        Map<String, String> fillByVerdict = new java.util.TreeMap<>();
        for (Element bar : elements(render(), "rect")) {
            if (!bar.getAttribute("class").isEmpty()) {
                fillByVerdict.put(bar.getAttribute("class"), bar.getAttribute("fill"));
            }
        }
        // set_bit missed its 1.5x target: red; the page lock met its 1.0x: green; clear_bit's wide
        // interval straddles 1.5x: amber.
        assertEquals(Map.of("missed", "#e15759", "met", "#59a14f", "inconclusive", "#edc948"), fillByVerdict);
    }

    @Test
    void aWhiskerReachingZeroIsClippedAtTheAxisAndMarked() throws Exception {
        ResultSet run = Fixtures.run(null,
                Fixtures.entry("dev.pageflags.bench.LockHandOffBench.reentrantLockFair", 3618, 7358),
                Fixtures.entry("dev.pageflags.bench.LockHandOffBench.pageLock", 44.1, 3.2));
        Document doc = parse(new SvgChart(List.of()).render(run));
        List<Element> clips = elements(doc, "polygon").stream().filter(e -> e.getAttribute("class").equals("clip"))
                .toList();
        assertEquals(1, clips.size(), "one whisker below zero, one arrowhead");
        // The arrowhead's tip sits on the axis's left edge, and the whisker's line starts there.
        String tipX = clips.get(0).getAttribute("points").split(",")[0];
        assertTrue(elements(doc, "line").stream().anyMatch(l -> l.getAttribute("x1").equals(tipX)
                && !l.getAttribute("x2").equals(tipX)), "a whisker line from the clip to the upper end");
    }

    @Test
    void aLowEndFarBelowTheBarsIsClippedRatherThanStretchingTheAxis() throws Exception {
        ResultSet run = Fixtures.run(null,
                Fixtures.entry("dev.pageflags.bench.FenceBench.smpMb", 10, 9.999),
                Fixtures.entry("dev.pageflags.bench.FenceBench.setBitTestBit", 20, 1));
        Document doc = parse(new SvgChart(List.of()).render(run));
        List<String> texts = texts(doc);
        assertTrue(texts.contains("1 ns") && !texts.contains("0.001 ns"), "the axis starts a decade below 10 ns: "
                + texts);
        assertEquals(1, elements(doc, "polygon").stream().filter(e -> e.getAttribute("class").equals("clip")).count());
    }
}
