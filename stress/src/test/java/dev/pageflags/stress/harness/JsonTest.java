package dev.pageflags.stress.harness;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonTest {
    @Test
    void writesNestedValuesPrettyAndInOrder() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", 1L);
        m.put("a", List.of("x", true));
        m.put("n", null);
        m.put("e", List.of());
        assertEquals("{\n  \"b\": 1,\n  \"a\": [\n    \"x\",\n    true\n  ],\n  \"n\": null,\n  \"e\": []\n}\n",
                Json.write(m));
    }

    @Test
    void escapesStrings() {
        assertEquals("\"q\\\"b\\\\n\\nt\\tc\\u0001\"\n", Json.write("q\"b\\n\nt\tc\u0001"));
    }

    @Test
    void writesDoublesPlainAndNonFiniteAsNull() {
        assertEquals("12345678.5\n", Json.write(12_345_678.5));
        assertEquals("2.0\n", Json.write(2.0));
        assertEquals("null\n", Json.write(Double.NaN));
    }

    @Test
    void parsesWhatItWrites() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "a\"\\/\n\u00e9");
        m.put("l", 42L);
        m.put("d", 1.5);
        m.put("list", Arrays.asList(true, false, null, "x"));
        m.put("o", Map.of("k", "v"));
        assertEquals(m, Json.parse(Json.write(m)));
    }

    @Test
    void parsesEscapesAndExponents() {
        assertEquals("A/\u00e9", Json.parse("\"\\u0041\\/\\u00e9\""));
        assertEquals(1.0e3, Json.parse(" 1e3 "));
        assertEquals(-7L, Json.parse("-7"));
    }

    @Test
    void refusesMalformedText() {
        for (String bad : List.of("", "{", "{\"a\" 1}", "[1,]", "\"open", "tru", "{} x", "{\"a\":01x}", "\"\\q\"")) {
            assertThrows(IllegalArgumentException.class, () -> Json.parse(bad), bad);
        }
    }
}
