package dev.pageflags.bench.run;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NativeFloorRunnerTest {

    private static JsonObject pass(double lockOr, double mfence) {
        return JsonParser.parseString("{\"compiler\": \"gcc 12\", \"batches\": 1, \"ops\": ["
                + "{\"name\": \"lock_or\", \"instruction\": \"lock or\", \"nsPerOp\": [" + lockOr + "]},"
                + "{\"name\": \"mfence\", \"instruction\": \"mfence\", \"nsPerOp\": [" + mfence + "]}]}")
                .getAsJsonObject();
    }

    @Test
    void poolsTheSamplesOfEveryPassPerInstruction() {
        JsonObject pooled = NativeFloorRunner.pool(List.of(pass(2.3, 19.0), pass(2.5, 21.0)));
        assertEquals("[2.3,2.5]", pooled.getAsJsonArray("ops").get(0).getAsJsonObject().get("nsPerOp").toString());
        assertEquals("[19.0,21.0]", pooled.getAsJsonArray("ops").get(1).getAsJsonObject().get("nsPerOp").toString());
        assertEquals(2, pooled.get("batches").getAsInt());
        assertEquals(2, pooled.get("passes").getAsInt());
    }
}
