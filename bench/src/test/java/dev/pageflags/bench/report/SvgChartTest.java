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
            RatioSpec.info("Other", "<absent> & missing", "A.b", "C.d", ""));

    private static Document render() throws Exception {
        ResultSet run = Fixtures.run(Fixtures.floor(Map.of("lock_or", new double[] {2.0, 2.0, 2.0})),
                Fixtures.entry("dev.pageflags.bench.FlagOpsBench.setBit", 9.0, 0.3),
                Fixtures.entry("dev.pageflags.bench.PageLockBench.lockPageUnlockPage", 18.0, 0.5),
                Fixtures.entry("dev.pageflags.bench.PageLockBench.reentrantLock", 20.0, 0.5));
        String svg = new SvgChart(RATIOS).render(run);
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Document doc) {
        NodeList nodes = doc.getElementsByTagName("text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
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
        assertTrue(texts.contains("not measured"), texts::toString);
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("4.50x") && t.contains("target")), texts::toString);
    }

    @Test
    void colourSaysMetOrMissed() throws Exception {
        NodeList rects = render().getElementsByTagName("rect");
        List<String> fills = new ArrayList<>();
        for (int i = 0; i < rects.getLength(); i++) {
            fills.add(((Element) rects.item(i)).getAttribute("fill"));
        }
        assertTrue(fills.contains("#e15759"), "set_bit missed its 1.5x target: red");
        assertTrue(fills.contains("#59a14f"), "the page lock met its 1.0x target: green");
    }
}
