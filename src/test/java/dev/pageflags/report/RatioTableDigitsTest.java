package dev.pageflags.report;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The results page prints a ratio with the digits report.md gives it (Precision), not a rule of its own. */
class RatioTableDigitsTest {
    @Test
    void theIntervalsNearerHalfSetsTheDigitsAsInTheReport() {
        JsonObject row = JsonParser.parseString("{\"section\": \"Targets\", \"name\": \"set_bit / getAndBitwiseOr\","
                + " \"numerator\": \"FlagOpsBench.setBit\", \"denominator\": \"JvmFloorBench.getAndBitwiseOr\","
                + " \"ratio\": 1.0512, \"low\": 1.018, \"high\": 1.089, \"target\": 1.1, \"verdict\": \"met\","
                + " \"why\": \"x\"}").getAsJsonObject();
        String html = RatioTable.of(List.of(row)).html();
        String report = Precision.withInterval(1.0512, "x", 1.018, 1.089);
        assertTrue(report.equals("1.05x [1.02, 1.09]"), report);
        assertTrue(html.contains("<td class=\"num\">1.05x</td><td class=\"num\">[1.02, 1.09]</td>"), html);
    }
}
