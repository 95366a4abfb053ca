package dev.pageflags.stress.harness;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.pageflags.mm.Variant;
import dev.pageflags.stress.RaceVariant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.pageflags.stress.harness.FakeJCStress.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code @RaceVariant(arch = ...)}: race 003's set_bit variant on the real catalog, with the machine's
 * architecture injected. On amd64 it must be reported not-run with its reason (summary.md, summary.json,
 * a skipped Failsafe case) and never handed to JCStress; on aarch64 it is graded like any broken variant.
 */
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ArchSelectionTest {
    private static final String RACE003 = "dev.pageflags.stress.Race003_PutbackRescueMissingSmpMb.";
    private static final String SET_BIT = RACE003 + "HypotheticalLayoutSetBitNoBarrier";
    private static final String COST003 = "dev.pageflags.stress.calibration.SampleCost003_PutbackRescueMissingSmpMb";
    private static final String WHY = "runs only on aarch64: x86's locked RMW orders the store";
    private static final String STRANDED = "false, true";
    private static final String PUTBACK_MOVED = "false, false";

    @TempDir
    Path dir;
    private Path results;
    private Path jar;
    /** The test names the runner handed to (fake) JCStress. */
    private final List<String> launched = new CopyOnWriteArrayList<>();

    @BeforeEach
    void aJar() throws IOException {
        results = dir.resolve("results/stress");
        jar = Files.writeString(dir.resolve("jcstress.jar"), "not opened by the fake");
    }

    private SuiteEngine.Result run(String arch, String test, String script) {
        JCStressCommand fake = (jarPath, args, names, reportDir) -> {
            launched.addAll(names);
            return FakeJCStress.script(script).build(jarPath, args, names, reportDir);
        };
        SuiteEnvironment env = new SuiteEnvironment(Fixtures.machine(2, arch), fake, FakeJCStress.RESULTS);
        return new SuiteEngine(env).run(new String[] {"--jar=" + jar, "--results=" + results,
                "--work=" + dir.resolve("work"), "--lincheck=none", "--budget=quick", "--test=" + test},
                SuiteListener.NONE);
    }

    private static TestVerdict verdict(SuiteEngine.Result r, String test) {
        return r.report().tests().stream().filter(v -> v.test().name().equals(test)).findFirst().orElseThrow();
    }

    private static String held(String test) {
        return record(test, "NORMAL", STRANDED + ":FORBIDDEN:0", PUTBACK_MOVED + ":ACCEPTABLE:1000");
    }

    @Test
    void onAmd64ItIsNotRunAndSaysWhyWhileRace003sOtherTestsRun() throws IOException {
        String script = record(RACE003 + "HypotheticalLayoutNoBarrier", "NORMAL",
                STRANDED + ":ACCEPTABLE_INTERESTING:4", PUTBACK_MOVED + ":ACCEPTABLE:1000")
                + held(RACE003 + "HypotheticalLayoutSmpMb") + held(RACE003 + "KernelLayoutNoBarrier")
                + FakeJCStress.CALIBRATED + FakeJCStress.sampleCostsMeasured(COST003) + "exit 0";

        SuiteEngine.Result r = run("amd64", "Race003.*", script);

        assertEquals(SuiteEngine.OK, r.exitCode());
        TestVerdict setBit = verdict(r, SET_BIT);
        assertEquals(Verdict.NOT_RUN, setBit.verdict());
        assertEquals(WHY, setBit.reason());
        assertEquals(0, setBit.samples());
        assertEquals(6, launched.size(), "the other three ran, with the calibration test and the sample-cost tests"
                + " of HypotheticalLayoutSmpMb: " + launched);
        assertFalse(launched.contains(SET_BIT), "never handed to JCStress on amd64");
        assertEquals(Verdict.REPRODUCED, verdict(r, RACE003 + "HypotheticalLayoutNoBarrier").verdict());

        String md = Files.readString(results.resolve("summary.md"));
        assertTrue(md.startsWith("# JCStress suite: all 7 tests as expected (1 not run, see below)"), md);
        assertTrue(md.contains("`Race003_PutbackRescueMissingSmpMb.HypotheticalLayoutSetBitNoBarrier` not-run: "
                + WHY), md);
        JsonObject row = jsonRow(SET_BIT);
        assertEquals("not-run", row.get("verdict").getAsString());
        assertEquals(WHY, row.get("reason").getAsString());
        // Failsafe's case for it is skipped, not passed.
        assertThrows(TestAbortedException.class, () -> VerdictAssertions.check(setBit));
    }

    @Test
    void onAarch64ItIsGradedLikeAnyBrokenVariant() {
        SuiteEngine.Result seen = run("aarch64", "HypotheticalLayoutSetBitNoBarrier", record(SET_BIT, "NORMAL",
                STRANDED + ":ACCEPTABLE_INTERESTING:3", PUTBACK_MOVED + ":ACCEPTABLE:1000") + FakeJCStress.CALIBRATED
                + "exit 0");
        assertEquals(List.of(SET_BIT, FakeJCStress.CALIBRATION), launched);
        assertEquals(SuiteEngine.OK, seen.exitCode());
        assertEquals(Verdict.REPRODUCED, verdict(seen, SET_BIT).verdict());

        SuiteEngine.Result unseen = run("aarch64", "HypotheticalLayoutSetBitNoBarrier", record(SET_BIT, "NORMAL",
                STRANDED + ":ACCEPTABLE_INTERESTING:0", PUTBACK_MOVED + ":ACCEPTABLE:1000") + FakeJCStress.CALIBRATED
                + "exit 0");
        assertEquals(SuiteEngine.VERDICTS_FAILED, unseen.exitCode());
        assertEquals(Verdict.NOT_REPRODUCED, verdict(unseen, SET_BIT).verdict());
    }

    @Test
    void theCatalogReadsTheArchitecturesFromTheAnnotation() throws ClassNotFoundException {
        TestCatalog catalog = TestCatalog.load(getClass().getClassLoader());
        Claim.Race setBit = (Claim.Race) catalog.tests().stream().filter(t -> t.name().equals(SET_BIT))
                .findFirst().orElseThrow().claim();
        assertEquals(List.of("aarch64"), setBit.arch());
        assertTrue(setBit.mustSee(), "graded like the no-barrier variant: the stranded page must be seen");
        assertEquals(WHY, setBit.notRunReason());
        assertFalse(setBit.runsOn("amd64"));
        assertFalse(setBit.runsOn(null));
        assertTrue(setBit.runsOn("aarch64"));
        Claim.Race anywhere = new Claim.Race("003", Variant.BROKEN, RaceVariant.Claim.BY_VARIANT);
        assertTrue(anywhere.runsOn("amd64") && anywhere.runsOn("aarch64") && anywhere.runsOn("riscv64"));
    }

    private JsonObject jsonRow(String test) throws IOException {
        JsonObject json = JsonParser.parseString(Files.readString(results.resolve("summary.json"))).getAsJsonObject();
        for (JsonElement e : json.getAsJsonArray("tests")) {
            if (e.getAsJsonObject().get("test").getAsString().equals(test)) {
                return e.getAsJsonObject();
            }
        }
        throw new AssertionError(test + " not in summary.json: " + json);
    }
}
