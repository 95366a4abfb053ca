package dev.pageflags.bench.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RatiosJsonTest {
    private static final List<RatioSpec> RATIOS = List.of(
            RatioSpec.target("Targets", "set_bit / lock or", "FlagOpsBench.setBit", "native:lock_or", 1.5, "CAS loop"),
            RatioSpec.info("Atomic", "set_bit / __set_bit", "FlagOpsBench.setBit", "FlagOpsBench.__setBit", "lock"),
            RatioSpec.target("Targets", "single fork", "FlagOpsBench.clearBit", "native:lock_or", 1.5, ""),
            RatioSpec.target("Targets", "not merged", "JvmFloorBench.plainOr", "native:lock_or", 1.2, ""));

    private static JsonArray rows() {
        ResultSet run = Fixtures.run(Fixtures.floor(Map.of("lock_or", new double[] {2, 2, 2, 2, 2})),
                Fixtures.forked("dev.pageflags.bench.FlagOpsBench.setBit", 3.3, 3.4, 3.3, 3.2, 3.3),
                Fixtures.forked("dev.pageflags.bench.FlagOpsBench.__setBit", 2.0, 2.1, 2.0, 1.9, 2.0),
                Fixtures.entry("dev.pageflags.bench.FlagOpsBench.clearBit", 3.1, 0.1));
        return JsonParser.parseString(RatiosJson.render(RATIOS, run)).getAsJsonObject().getAsJsonArray("ratios");
    }

    @Test
    void everyRowHasExactlyTheSchemasKeys() {
        Set<String> keys = Set.of("section", "name", "numerator", "denominator", "ratio", "low", "high", "target",
                "verdict", "why");
        for (var row : rows()) {
            assertEquals(keys, row.getAsJsonObject().keySet());
        }
    }

    @Test
    void aGradedTargetCarriesItsIntervalAndVerdict() {
        JsonObject setBit = rows().get(0).getAsJsonObject();
        assertEquals("Targets", setBit.get("section").getAsString());
        assertEquals("set_bit / lock or", setBit.get("name").getAsString());
        assertEquals("FlagOpsBench.setBit", setBit.get("numerator").getAsString());
        assertEquals("native:lock_or", setBit.get("denominator").getAsString());
        assertEquals(1.65, setBit.get("ratio").getAsDouble(), 1e-12);
        assertTrue(setBit.get("low").getAsDouble() > 1.5 && setBit.get("high").getAsDouble() < 1.8, setBit::toString);
        assertEquals(1.5, setBit.get("target").getAsDouble(), 0);
        assertEquals("missed", setBit.get("verdict").getAsString());
        assertEquals("CAS loop", setBit.get("why").getAsString());
    }

    @Test
    void nullsAreWrittenNotDropped() {
        JsonObject info = rows().get(1).getAsJsonObject();
        assertTrue(info.get("target").isJsonNull());
        assertEquals("info", info.get("verdict").getAsString());
        assertTrue(info.get("low").isJsonPrimitive(), "an info ratio gets an interval too");
        JsonObject single = rows().get(2).getAsJsonObject();
        assertTrue(single.get("low").isJsonNull() && single.get("high").isJsonNull());
        assertEquals("no-interval", single.get("verdict").getAsString());
    }

    @Test
    void aRatioThisRunCouldNotMeasureIsLeftOut() {
        assertEquals(3, rows().size());
        for (var row : rows()) {
            assertTrue(!row.getAsJsonObject().get("name").getAsString().equals("not merged"));
        }
    }
}
