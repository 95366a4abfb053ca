package dev.pageflags.stress.harness;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.pageflags.stress.harness.FakeJCStress.record;
import static dev.pageflags.stress.harness.FakeJCStress.resultLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runner as a whole, from arguments to exit code and reports, with a fake JCStress: the real
 * catalog of race tests (selected down to race 004's isolated-clear pair, the calibration test every
 * selection of races takes along, and the broken variant's sample-cost tests), a shell script in JCStress's place and a result file of its own.
 */
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StressSuiteRunnerTest {
    private static final String BROKEN = "dev.pageflags.stress.Race004_IsolatedClearLosesWaiters.Broken";
    private static final String FIXED = "dev.pageflags.stress.Race004_IsolatedClearLosesWaiters.Fixed";
    /** The calibration test and the sample-cost tests of the broken variant, which the selection takes along. */
    private static final String CALIBRATED = FakeJCStress.CALIBRATED
            + FakeJCStress.sampleCostsMeasured("dev.pageflags.stress.calibration.SampleCost004_IsolatedClearLosesWaiters");
    private static final String NEVER_WOKEN = "true, false, false";
    private static final String WOKEN = "true, true, false";
    private static final String UNFORESEEN = "false, true, true";
    private static final String BROKEN_REPRODUCED = record(BROKEN, "NORMAL",
            NEVER_WOKEN + ":ACCEPTABLE_INTERESTING:7", WOKEN + ":ACCEPTABLE:1000");
    private static final String FIXED_HELD = record(FIXED, "NORMAL",
            NEVER_WOKEN + ":FORBIDDEN:0", WOKEN + ":ACCEPTABLE:1000");

    @TempDir
    Path dir;
    private Path results;
    private Path jar;

    @BeforeEach
    void staleGreenReportAndAJar() throws IOException {
        results = dir.resolve("results/stress");
        Files.createDirectories(results.resolve("old"));
        Files.writeString(results.resolve("summary.md"), "# JCStress suite: all 15 tests as expected\n");
        Files.writeString(results.resolve("old/stale.html"), "old");
        jar = Files.writeString(dir.resolve("jcstress.jar"), "not opened by the fake");
    }

    private SuiteEngine.Result run(String script, int cpus, String... extra) {
        SuiteEnvironment env = new SuiteEnvironment(Fixtures.machine(cpus, "amd64"), FakeJCStress.script(script),
                FakeJCStress.RESULTS);
        List<String> args = new ArrayList<>(List.of(extra));
        for (String given : List.of("--jar=" + jar, "--results=" + results, "--work=" + dir.resolve("work"),
                "--lincheck=none", "--budget=quick", "--test=Race004_IsolatedClearLosesWaiters")) {
            String key = given.substring(0, given.indexOf('=') + 1);
            if (args.stream().noneMatch(a -> a.startsWith(key))) {
                args.add(given);
            }
        }
        return new SuiteEngine(env).run(args.toArray(String[]::new), SuiteListener.NONE);
    }

    private TestVerdict verdict(SuiteEngine.Result r, String test) {
        return r.report().tests().stream().filter(v -> v.test().name().equals(test)).findFirst().orElseThrow();
    }

    private String summary() throws IOException {
        return Files.readString(results.resolve("summary.md"));
    }

    @Test
    void allAsExpectedExitsZero() throws IOException {
        SuiteEngine.Result r = run(BROKEN_REPRODUCED + FIXED_HELD + CALIBRATED + "exit 0", 2);
        assertEquals(SuiteEngine.OK, r.exitCode());
        assertEquals(Verdict.REPRODUCED, verdict(r, BROKEN).verdict());
        assertEquals(Verdict.HELD, verdict(r, FIXED).verdict());
        assertEquals(Verdict.MEASURED, verdict(r, FakeJCStress.CALIBRATION).verdict());
        assertTrue(summary().startsWith("# JCStress suite: all 5 tests as expected"), summary());
        assertFalse(Files.exists(results.resolve("old")), "the previous run's pages are gone");
        JsonObject json = JsonParser.parseString(Files.readString(results.resolve("summary.json"))).getAsJsonObject();
        assertEquals(7, json.getAsJsonArray("tests").get(0).getAsJsonObject().get("bad").getAsInt());
    }

    @Test
    void eachTestsRowCarriesItsRateAgainstTheCalibrationItsCpusAndItsVmTime() throws IOException {
        // A stand-in for a test VM: runs a second under JCStress's fork main class, with the directives file
        // JCStress would write for it naming the test's actors.
        String fork = "echo '\"+" + BROKEN.replace(".Broken", "$Broken") + "::holder\",' > d.txt; "
                + "sh -c 'sleep 1; true' x -XX:CompilerDirectivesFile=$PWD/d.txt org.openjdk.jcstress.ForkedMain; ";
        SuiteEngine.Result r = run(fork + BROKEN_REPRODUCED + FIXED_HELD + CALIBRATED + "exit 0", 2);
        assertEquals(SuiteEngine.OK, r.exitCode());
        TestVerdict broken = verdict(r, BROKEN);
        assertEquals(1, broken.resources().forks());
        assertTrue(broken.resources().vmSeconds() > 0.5 && broken.resources().vmSeconds() < 10,
                "the fake fork's second: " + broken.resources());
        assertEquals(0, verdict(r, FIXED).resources().forks(), "no fork of its own was seen");

        JsonObject json = JsonParser.parseString(Files.readString(results.resolve("summary.json"))).getAsJsonObject();
        JsonObject row = json.getAsJsonArray("tests").get(0).getAsJsonObject();
        assertEquals(BROKEN, row.get("test").getAsString());
        // 1007 samples in the fake's 1 s against the calibration's 2000: 0.50x, above the floor.
        assertEquals(0.5035, row.get("rateVsCalibration").getAsDouble(), 0.001);
        assertFalse(row.get("belowRateFloor").getAsBoolean());
        assertEquals(2, row.get("actors").getAsInt());
        assertEquals(1, row.get("vmForks").getAsInt());
        assertTrue(json.getAsJsonObject("calibration").get("problem").isJsonNull());
        JsonObject process = json.getAsJsonArray("processes").get(0).getAsJsonObject();
        assertEquals("races", process.get("label").getAsString());
        assertEquals(1, process.get("maxConcurrentForks").getAsInt());
        assertTrue(summary().contains("| Race004_IsolatedClearLosesWaiters.Broken | races | 1,007 | 0.50x | 2 | - | "),
                summary());
    }

    @Test
    void aCalibrationTestWithoutARateIsAnErrorAndTheSummarySaysTheRatesAreMissing() throws IOException {
        SuiteEngine.Result r = run(BROKEN_REPRODUCED + FIXED_HELD + "exit 0", 2);
        assertEquals(SuiteEngine.VERDICTS_FAILED, r.exitCode());
        assertEquals(Verdict.ERROR, verdict(r, FakeJCStress.CALIBRATION).verdict());
        assertTrue(summary().contains("no calibration rate to read the race rates against"), summary());
        assertTrue(summary().contains("**No calibration rate: the calibration test TwoActorWrites recorded no rate"),
                summary());
        JsonObject json = JsonParser.parseString(Files.readString(results.resolve("summary.json"))).getAsJsonObject();
        assertTrue(json.getAsJsonArray("tests").get(0).getAsJsonObject().get("rateVsCalibration").isJsonNull());
        assertTrue(json.getAsJsonObject("calibration").get("problem").getAsString().contains("recorded no rate"));
    }

    @Test
    void aForbiddenStateInTheFixedVariantExitsOne() throws IOException {
        SuiteEngine.Result r = run(BROKEN_REPRODUCED + record(FIXED, "NORMAL", NEVER_WOKEN + ":FORBIDDEN:3",
                WOKEN + ":ACCEPTABLE:1000") + CALIBRATED + "exit 1", 2);
        assertEquals(SuiteEngine.VERDICTS_FAILED, r.exitCode());
        TestVerdict fixed = verdict(r, FIXED);
        assertEquals(Verdict.FAILED, fixed.verdict());
        assertTrue(fixed.reason().contains("[" + NEVER_WOKEN + "] x3"), fixed.reason());
        assertTrue(summary().contains("1 of 5 tests need attention"), summary());
    }

    @Test
    void anUnforeseenStateFailsTheBrokenVariantThoughItReproduced() {
        SuiteEngine.Result r = run(record(BROKEN, "NORMAL", NEVER_WOKEN + ":ACCEPTABLE_INTERESTING:7",
                UNFORESEEN + ":FORBIDDEN:1") + FIXED_HELD + CALIBRATED + "exit 1", 2);
        assertEquals(SuiteEngine.VERDICTS_FAILED, r.exitCode());
        assertEquals(Verdict.FAILED, verdict(r, BROKEN).verdict());
        assertTrue(verdict(r, BROKEN).reason().contains("[" + UNFORESEEN + "] x1"), verdict(r, BROKEN).reason());
    }

    @Test
    void aStateNotSeenGetsASecondRunThatCanStillFail() throws IOException {
        String unseen = record(BROKEN, "NORMAL", NEVER_WOKEN + ":ACCEPTABLE_INTERESTING:0", WOKEN + ":ACCEPTABLE:900");
        // The second run works in a folder of its own (races-second-run): the script tells the runs apart by it.
        SuiteEngine.Result seenSecond = run("case \"$PWD\" in *" + SuiteEngine.SECOND_RUN + ") " + BROKEN_REPRODUCED
                + ";; *) " + unseen + FIXED_HELD + CALIBRATED + ";; esac; exit 0", 2);
        assertEquals(SuiteEngine.OK, seenSecond.exitCode());
        TestVerdict broken = verdict(seenSecond, BROKEN);
        assertEquals(Verdict.REPRODUCED, broken.verdict());
        assertTrue(broken.reason().startsWith("second run, after the first saw nothing in 900 samples"),
                broken.reason());
        assertEquals(Verdict.HELD, verdict(seenSecond, FIXED).verdict(), "a held test is not run again");
        assertTrue(Files.isRegularFile(results.resolve("jcstress-output-races" + SuiteEngine.SECOND_RUN + ".txt")),
                "the second run's output sits beside the first's");

        SuiteEngine.Result unseenTwice = run(unseen + FIXED_HELD + CALIBRATED + "exit 0", 2);
        assertEquals(SuiteEngine.VERDICTS_FAILED, unseenTwice.exitCode());
        assertEquals(Verdict.NOT_REPRODUCED, verdict(unseenTwice, BROKEN).verdict());
    }

    @Test
    void aBadRequestExitsTwoAndReplacesTheStaleReport() throws IOException {
        SuiteEngine.Result r = run("touch launched; exit 0", 2, "--budget=huge");
        assertEquals(SuiteEngine.BAD_REQUEST, r.exitCode());
        assertTrue(summary().startsWith("# JCStress suite: refused"), summary());
        assertTrue(summary().contains("Unknown stress.budget 'huge'"), summary());
        assertFalse(Files.exists(results.resolve("old/stale.html")));
        assertFalse(Files.exists(dir.resolve("work/races/launched")));
    }

    @Test
    void theResultsPageShowsTheRunsVerdicts() throws IOException {
        Path page = dir.resolve("results/index.html");
        SuiteEngine.Result r = run(BROKEN_REPRODUCED + FIXED_HELD + CALIBRATED + "exit 0", 2, "--index=" + page);
        assertEquals(SuiteEngine.OK, r.exitCode());
        String html = Files.readString(page);
        String races = html.substring(html.indexOf("<table id=\"races\">"), html.indexOf("</table>",
                html.indexOf("<table id=\"races\">")));
        assertTrue(races.contains("Race004_IsolatedClearLosesWaiters.<wbr>Broken")
                && races.contains("<span class=\"t-pass\">reproduced</span>"), races);
        assertTrue(races.contains("Race004_IsolatedClearLosesWaiters.<wbr>Fixed")
                && races.contains("<span class=\"t-pass\">held</span>"), races);
        assertTrue(html.contains("Written by the stress suite"), "the page names its writer");
    }

    @Test
    void aRefusedRunRewritesTheResultsPageToSaySo() throws IOException {
        Path page = dir.resolve("results/index.html");
        Files.writeString(page, "the last run's page");
        assertEquals(SuiteEngine.BAD_REQUEST, run("exit 0", 2, "--budget=huge", "--index=" + page).exitCode());
        String html = Files.readString(page);
        assertTrue(html.contains("The suite refused to run, nothing ran: Unknown stress.budget &#39;huge&#39;"), html);
    }

    @Test
    void aPageThatWouldNotShowThisRunIsRefused() throws IOException {
        Path elsewhere = dir.resolve("elsewhere/index.html");
        SuiteEngine.Result r = run("touch launched; exit 0", 2, "--index=" + elsewhere);
        assertEquals(SuiteEngine.BAD_REQUEST, r.exitCode());
        assertTrue(summary().contains("shows the stress/ folder beside it"), summary());
        assertFalse(Files.exists(elsewhere), "a page that would show another folder's run is not written");
        assertFalse(Files.exists(dir.resolve("work/races/launched")));
    }

    @Test
    void fewerThanTwoCpusExitsThreeWithoutLaunching() throws IOException {
        SuiteEngine.Result r = run("touch launched; exit 0", 1);
        assertEquals(SuiteEngine.CANNOT_RUN, r.exitCode());
        assertFalse(Files.exists(dir.resolve("work/races/launched")));
        assertTrue(verdict(r, BROKEN).reason().contains("1 CPU"), verdict(r, BROKEN).reason());
        assertTrue(summary().contains("could not run as asked"), summary());
    }

    @Test
    void aHungTestVmIsKilledAndGradedHungWhileTheOtherTestReports() {
        // The fork runs until killed; then JCStress reports it as a VM error and carries on.
        String script = "sh -c 'sleep 60; true' org.openjdk.jcstress.ForkedMain; "
                + resultLine("VM ERROR", BROKEN)
                + record(BROKEN, "VM_ERROR", NEVER_WOKEN + ":ACCEPTABLE_INTERESTING:0")
                + resultLine("OK", FIXED) + FIXED_HELD + CALIBRATED + "exit 1";
        long start = System.nanoTime();
        SuiteEngine.Result r = run(script, 2, "--fork-deadline=2");
        assertTrue((System.nanoTime() - start) / 1e9 < 30, "the watchdog, not the sleep, ended the fork");
        assertEquals(SuiteEngine.VERDICTS_FAILED, r.exitCode());
        TestVerdict broken = verdict(r, BROKEN);
        assertEquals(Verdict.ERROR, broken.verdict());
        assertTrue(broken.reason().startsWith("hung: its test VM ran past the per-test deadline (2 s"),
                broken.reason());
        assertEquals(Verdict.HELD, verdict(r, FIXED).verdict());
    }

    @Test
    void aHungJCStressIsStoppedByTheWholeRunDeadline() throws IOException {
        long start = System.nanoTime();
        SuiteEngine.Result r = run("sleep 60", 2, "--run-deadline=2");
        assertTrue((System.nanoTime() - start) / 1e9 < 45);
        assertEquals(SuiteEngine.CANNOT_RUN, r.exitCode());
        assertEquals(Verdict.ERROR, verdict(r, FIXED).verdict());
        assertTrue(verdict(r, FIXED).reason().contains("stopped by the whole-run deadline: hung"),
                verdict(r, FIXED).reason());
        assertTrue(summary().contains("hung"), summary());
    }

    @Test
    void aMissingResultFileIsAnErrorOfEveryTest() {
        SuiteEngine.Result r = run("echo 'JCStress crashed'; exit 0", 2);
        assertEquals(SuiteEngine.CANNOT_RUN, r.exitCode());
        assertTrue(verdict(r, BROKEN).reason().contains("left no result file (exit code 0)"),
                verdict(r, BROKEN).reason());
    }

    @Test
    void aNonZeroJCStressExitFailsARunWhoseVerdictsPassed() {
        SuiteEngine.Result r = run(BROKEN_REPRODUCED + FIXED_HELD + CALIBRATED + "exit 1", 2);
        assertEquals(SuiteEngine.CANNOT_RUN, r.exitCode());
        assertEquals(1, r.report().jcstressExit());
        assertTrue(r.report().failing().isEmpty());
    }

    @Test
    void aTestJCStressDidNotRunIsAnError() {
        SuiteEngine.Result r = run(BROKEN_REPRODUCED + CALIBRATED + "exit 0", 2);
        assertEquals(SuiteEngine.VERDICTS_FAILED, r.exitCode());
        assertTrue(verdict(r, FIXED).reason().startsWith("JCStress did not run it"), verdict(r, FIXED).reason());
    }

    @Test
    void staleLincheckRecordsStopTheRunNamingTheFile() throws IOException {
        Path verdicts = Files.writeString(dir.resolve("verdicts.json"), LincheckVerdictsTest.FILE);
        SuiteEngine.Result r = run("touch launched; exit 0", 2, "--lincheck=" + verdicts, "--run-id=another-run");
        assertEquals(SuiteEngine.CANNOT_RUN, r.exitCode());
        assertTrue(r.report().problem().contains(verdicts.toString()), r.report().problem());
        assertFalse(Files.exists(dir.resolve("work/races/launched")));
    }

    @Test
    void theCommandLineMainSharesTheEngine() {
        SuiteEnvironment env = new SuiteEnvironment(Fixtures.machine(), FakeJCStress.script("exit 0"),
                FakeJCStress.RESULTS);
        assertEquals(SuiteEngine.BAD_REQUEST, StressSuite.run(new String[] {"--results=" + results, "--nonsense=1"},
                env));
    }

    @Test
    void kindsWithTheSameJCStressOptionsShareOneProcess() throws UsageException {
        List<SuiteTest> all = List.of(Fixtures.test("Race004_X.Broken", "004", dev.pageflags.mm.Variant.BROKEN),
                Fixtures.litmus("SB", dev.pageflags.stress.LitmusTest.Lkmm.NEVER,
                        dev.pageflags.stress.LitmusTest.Tso.FORBIDDEN, 2),
                Fixtures.pair("P", true, false));
        SuiteOptions byDefault = SuiteOptions.parse("--jar=j", "--results=r", "--work=w", "--lincheck=none");
        assertEquals(List.of(List.of(TestKind.RACES), List.of(TestKind.LITMUS, TestKind.ATOMICITY)),
                List.copyOf(SuiteEngine.processes(byDefault, Fixtures.machine(), all).values()));
        SuiteOptions tough = SuiteOptions.parse("--jar=j", "--results=r", "--work=w", "--lincheck=none",
                "--budget=tough");
        assertEquals(List.of(List.of(TestKind.RACES, TestKind.LITMUS, TestKind.ATOMICITY)),
                List.copyOf(SuiteEngine.processes(tough, Fixtures.machine(), all).values()));
    }
}
