package dev.pageflags.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LincheckTraceTest {
    private static final String TABLE = String.join("\n",
            "| ------------------- |",
            "|  Thread 1 | Thread 2 |",
            "| ------------------- |",
            "| a()       |          |",
            "|   b(x|y)  |          |",
            "|           | c()      |",
            "| ------------------- |");

    @Test
    void proseIsPreAndTheTableIsATableWithOneColumnPerThread() {
        String html = LincheckTrace.render("head <x>\n\n" + TABLE + "\ntail\n");
        assertTrue(html.startsWith("<pre>head &lt;x&gt;</pre>\n"), html);
        assertTrue(html.contains("<thead><tr><th>Thread 1</th><th>Thread 2</th></tr></thead>"), html);
        assertTrue(html.contains("<tr><td><div style=\"margin-left:0ch\">a()</div></td><td></td></tr>"), html);
        assertTrue(html.contains("<tr><td><div style=\"margin-left:2ch\">b(x|y)</div></td><td></td></tr>"), html);
        assertTrue(html.contains("<tr><td></td><td><div style=\"margin-left:0ch\">c()</div></td></tr>"), html);
        assertTrue(html.endsWith("<pre>tail</pre>\n"), html);
        assertEquals(4, html.split("<tr>", -1).length - 1, "a header and three rows: " + html);
    }

    @Test
    void aTableThatDoesNotLineUpStaysText() {
        String skewed = TABLE.replace("|           | c()      |", "|    | c() |");
        String html = LincheckTrace.render(skewed);
        assertFalse(html.contains("<table"), html);
        assertTrue(html.startsWith("<pre>| ---"), html);
    }
}
