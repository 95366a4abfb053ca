package dev.pageflags.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lenient reads of the JSON reports. The page reads files that other tools write and that grow new
 * fields: a missing or mistyped field is an absent value (printed "-"), never an exception; only a
 * file that is not a JSON object at all is refused.
 */
final class Json {
    private Json() {
    }

    /** The file's top-level object; the message names the file as the page shows it. */
    static JsonObject object(Path file, String shownAs) throws UnreadableInput {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UnreadableInput(shownAs + " cannot be read: " + e.getMessage());
        }
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw new UnreadableInput(shownAs + " is not JSON: " + firstLine(e.getMessage()));
        }
        if (!root.isJsonObject()) {
            throw new UnreadableInput(shownAs + " is not a JSON object");
        }
        return root.getAsJsonObject();
    }

    static Optional<String> string(JsonObject o, String key) {
        JsonElement e = o == null ? null : o.get(key);
        return e != null && e.isJsonPrimitive() ? Optional.of(e.getAsString()) : Optional.empty();
    }

    static String string(JsonObject o, String key, String absent) {
        return string(o, key).orElse(absent);
    }

    static Optional<Double> number(JsonObject o, String key) {
        JsonElement e = o == null ? null : o.get(key);
        if (e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            return Optional.of(e.getAsDouble());
        }
        return Optional.empty();
    }

    static Optional<Long> whole(JsonObject o, String key) {
        JsonElement e = o == null ? null : o.get(key);
        if (e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            return Optional.of(e.getAsLong());
        }
        return Optional.empty();
    }

    static Optional<Boolean> bool(JsonObject o, String key) {
        JsonElement e = o == null ? null : o.get(key);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean()
                ? Optional.of(e.getAsBoolean()) : Optional.empty();
    }

    static Optional<JsonObject> object(JsonObject o, String key) {
        JsonElement e = o == null ? null : o.get(key);
        return e != null && e.isJsonObject() ? Optional.of(e.getAsJsonObject()) : Optional.empty();
    }

    /** The objects of an array field; other elements are skipped, a missing field is an empty list. */
    static List<JsonObject> objects(JsonObject o, String key) {
        JsonElement e = o == null ? null : o.get(key);
        List<JsonObject> out = new ArrayList<>();
        if (e != null && e.isJsonArray()) {
            for (JsonElement item : e.getAsJsonArray()) {
                if (item.isJsonObject()) {
                    out.add(item.getAsJsonObject());
                }
            }
        }
        return out;
    }

    /** The strings of an array field, each element as text. */
    static List<String> strings(JsonObject o, String key) {
        JsonElement e = o == null ? null : o.get(key);
        List<String> out = new ArrayList<>();
        if (e != null && e.isJsonArray()) {
            JsonArray a = e.getAsJsonArray();
            for (JsonElement item : a) {
                if (item.isJsonPrimitive()) {
                    out.add(item.getAsString());
                }
            }
        }
        return out;
    }

    static boolean has(JsonObject o, String key) {
        return o != null && o.has(key) && !o.get(key).isJsonNull();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unparseable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
