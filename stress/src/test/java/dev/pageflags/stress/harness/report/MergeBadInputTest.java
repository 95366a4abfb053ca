package dev.pageflags.stress.harness.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every input the tool refuses: exit code 2, a message naming the file, and no output written. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MergeBadInputTest {
    @TempDir
    Path dir;

    private Path good() throws IOException {
        return MergeFixtures.real(MergeFixtures.JDK17, Files.createTempDirectory(dir, "good"));
    }

    private void refused(MergeFixtures.Result r, String... parts) {
        assertEquals(MergeSummaries.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().startsWith("MergeSummaries: "), r.err());
        for (String part : parts) {
            assertTrue(r.err().contains(part), r.err() + " should contain " + part);
        }
        assertEquals("", r.out());
        assertFalse(Files.exists(dir.resolve("out")), "no output for a refused merge");
    }

    @Test
    void aMissingFile() throws IOException {
        Path missing = dir.resolve("nowhere/summary.json");
        refused(MergeFixtures.run("--out", dir.resolve("out"), good(), missing), missing + ": no such file");
    }

    @Test
    void aFileThatIsNotJson() throws IOException {
        Path text = Files.writeString(dir.resolve("summary.md"), "# JCStress suite: all 106 tests as expected\n{");
        refused(MergeFixtures.run("--out", dir.resolve("out"), good(), text), text + ": not JSON");
    }

    @Test
    void jsonThatIsNotASuiteSummary() throws IOException {
        Path bench = Files.writeString(dir.resolve("bench.json"), "[{\"benchmark\": \"x\", \"score\": 1.0}]");
        refused(MergeFixtures.run("--out", dir.resolve("out"), good(), bench),
                bench + ": not a stress suite summary.json (not a JSON object)");
        Path noTests = Files.writeString(dir.resolve("no-tests.json"), "{\"machine\": {\"cpus\": 2}}");
        refused(MergeFixtures.run("--out", dir.resolve("out"), good(), noTests),
                noTests + ": not a stress suite summary.json (no tests[])");
        Path noMachine = MergeFixtures.edited(MergeFixtures.JDK17, dir, "no-machine.json", r -> r.remove("machine"));
        refused(MergeFixtures.run("--out", dir.resolve("out"), good(), noMachine),
                noMachine + ": not a stress suite summary.json (no machine)");
        Path wrongShape = Files.writeString(dir.resolve("wrong.json"), "{\"tests\": {}, \"machine\": {}}");
        refused(MergeFixtures.run("--out", dir.resolve("out"), good(), wrongShape), wrongShape + ": not a stress suite");
    }

    @Test
    void aRefusedRun() throws IOException {
        Path refusedRun = MergeFixtures.edited(MergeFixtures.JDK17, dir, "refused.json",
                r -> r.addProperty("problem", "needs 2 CPUs, this machine has 1"));
        refused(MergeFixtures.run("--out", dir.resolve("out"), good(), refusedRun),
                refusedRun + ": a refused run", "needs 2 CPUs, this machine has 1");
    }

    @Test
    void fewerThanTwoFiles() throws IOException {
        refused(MergeFixtures.run("--out", dir.resolve("out"), good()), "at least two", "got 1", "usage:");
        refused(MergeFixtures.run("--out", dir.resolve("out")), "at least two", "got 0");
    }

    @Test
    void runsOfDifferentTestSetsNameTheTestsOnlyInEachFile() throws IOException {
        String dropped = "dev.pageflags.stress.Race001_MlockAfterZap.Fixed";
        String added = "dev.pageflags.stress.Race005_Imagined.Broken";
        Path other = MergeFixtures.edited(MergeFixtures.JDK17, dir, "other.json", r -> {
            JsonArray tests = r.getAsJsonArray("tests");
            for (JsonElement e : tests) {
                JsonObject t = e.getAsJsonObject();
                if (t.get("test").getAsString().equals(dropped)) {
                    t.addProperty("test", added);
                }
            }
        });
        Path first = good();
        refused(MergeFixtures.run("--out", dir.resolve("out"), first, other),
                "different test sets: " + first + " and " + other,
                "only in " + first + " (1): " + dropped, "only in " + other + " (1): " + added);
    }

    @Test
    void aThirdRunThatDiffersIsNamedToo() throws IOException {
        Path smaller = MergeFixtures.edited(MergeFixtures.JDK17, dir, "races-only.json", r -> {
            JsonArray kept = new JsonArray();
            r.getAsJsonArray("tests").forEach(t -> {
                if (t.getAsJsonObject().get("kind").getAsString().equals("races")) {
                    kept.add(t);
                }
            });
            r.add("tests", kept);
        });
        Path first = good();
        MergeFixtures.Result r = MergeFixtures.run("--out", dir.resolve("out"), first, good(), smaller);
        int dropped = MergeFixtures.json(first).getAsJsonArray("tests").size() - MergeFixtures.testsOfKind(first, "races");
        refused(r, "only in " + first + " (" + dropped + "): ", ", ...");
        assertFalse(r.err().contains("only in " + smaller), r.err());
    }

    @Test
    void anOutThatIsAFileOrCannotBeCreated() throws IOException {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        MergeFixtures.Result r = MergeFixtures.run("--out", file, good(), good());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(file + ": --out is not a directory"), r.err());
        Path under = file.resolve("sub");
        r = MergeFixtures.run("--out", under, good(), good());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(under + ": --out"), r.err());
        assertFalse(Files.exists(under));
    }

    @Test
    void aResultsPageThatWouldNotShowTheMerge() throws IOException {
        Path page = dir.resolve("elsewhere/index.html");
        refused(MergeFixtures.run("--out", dir.resolve("out"), "--index", page, good(), good()),
                "--index " + page + " shows the merged/ folder beside it");
        assertFalse(Files.exists(page));
        refused(MergeFixtures.run("--out", dir.resolve("out"), good(), good(), "--index"), "--index needs a file");
        refused(MergeFixtures.run("--out", dir.resolve("out"), "--index=", good(), good()), "--index needs a file");
    }

    @Test
    void anUnknownOptionOrAMissingOut() throws IOException {
        refused(MergeFixtures.run("--out", dir.resolve("out"), "--budget=tough", good(), good()),
                "unknown option --budget=tough", "usage:");
        refused(MergeFixtures.run(good(), good()), "no --out directory");
        refused(MergeFixtures.run(good(), good(), "--out"), "--out needs a directory");
    }
}
