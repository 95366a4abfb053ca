package dev.pageflags.report;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The results page's bound under a decomposed race's rate, read from summary.json's "sampleCost". */
class RaceTableBoundTest {
    private static final JsonObject SUMMARY = JsonParser.parseString("{\"sampleCost\": {\"rows\": ["
            + "{\"raceTest\": \"a.Race9_F.Broken\", \"boundVsCalibration\": 0.167, \"boundBelowRateFloor\": true},"
            + "{\"raceTest\": \"a.Race8_G.Broken\", \"boundVsCalibration\": null, \"boundBelowRateFloor\": false}"
            + "]}}").getAsJsonObject();

    @Test
    void eachDecomposedRaceShowsItsBoundMarkedBelowTheFloor() {
        var bounds = RaceTable.bounds(SUMMARY);
        assertEquals(2, bounds.size());
        String below = RaceTable.boundLine(bounds.get("a.Race9_F.Broken"));
        assertTrue(below.contains("<span class=\"t-warn\">bound 0.17x</span>"), below);
        assertTrue(below.contains("1 / (t_race - t_worldOnly + t_calibration)"), below);
        assertTrue(RaceTable.boundLine(bounds.get("a.Race8_G.Broken")).contains("bound: no rates"));
        assertTrue(RaceTable.bounds(JsonParser.parseString("{}").getAsJsonObject()).isEmpty(),
                "an older summary without sample costs");
    }
}
