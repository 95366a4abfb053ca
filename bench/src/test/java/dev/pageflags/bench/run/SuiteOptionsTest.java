package dev.pageflags.bench.run;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SuiteOptionsTest {

    @Test
    void defaultsAreTheFullRunOfEveryBenchmarkIntoResultsBench() throws Exception {
        SuiteOptions o = SuiteOptions.parse();
        assertEquals(SuiteOptions.Mode.FULL, o.mode());
        assertEquals(SuiteOptions.ALL, o.include());
        assertEquals(Path.of("results", "bench"), o.out());
        assertTrue(o.jmhArgs().isEmpty());
        assertTrue(o.nativeFloor());
    }

    @Test
    void acceptsBothSpellingsAndEmptyValuesFromMaven() throws Exception {
        SuiteOptions o = SuiteOptions.parse("--mode=smoke", "--out", "x", "--include=", "--jmh=", "--note=",
                "--no-native");
        assertEquals(SuiteOptions.Mode.SMOKE, o.mode());
        assertEquals(Path.of("x"), o.out());
        assertEquals(SuiteOptions.ALL, o.include(), "an empty include means every benchmark");
        assertTrue(o.jmhArgs().isEmpty());
        assertFalse(o.nativeFloor());
    }

    @Test
    void jmhOptionsAreSplitOnWhitespace() throws Exception {
        assertEquals(List.of("-prof", "gc", "-f", "1"), SuiteOptions.parse("--jmh", " -prof gc  -f 1 ").jmhArgs());
        assertEquals("FlagOps", SuiteOptions.parse("--include=FlagOps").include());
    }

    @Test
    void badInputNamesTheProblem() {
        assertEquals("unknown option '--fast'", message("--fast"));
        assertEquals("--mode must be smoke or full, not 'quick'", message("--mode", "quick"));
        assertEquals("--out needs a value", message("--out"));
        assertEquals("--out needs a value", message("--out="));
        assertTrue(message("--include", "Flag(Ops").startsWith("--include 'Flag(Ops' is not a valid regular expression"));
    }

    @Test
    void theResultsPageMustShowTheOutFolder() throws Exception {
        assertEquals(Optional.empty(), SuiteOptions.parse().index(), "no page unless asked");
        assertEquals(Optional.empty(), SuiteOptions.parse("--index=").index(), "Maven's empty value: no page");
        assertEquals(Optional.of(Path.of("r", "index.html")),
                SuiteOptions.parse("--out", "r/bench", "--index", "r/index.html").index());
        assertTrue(message("--out", "target/bench-smoke", "--index", "r/index.html")
                .contains("shows the bench/ folder beside it"), "the smoke run's folder is no page's bench/");
    }

    @Test
    void helpIsAUsageRequestWithoutAProblem() {
        SuiteOptions.UsageException e = assertThrows(SuiteOptions.UsageException.class, () -> SuiteOptions.parse("-h"));
        assertNull(e.getMessage());
    }

    private static String message(String... args) {
        return assertThrows(SuiteOptions.UsageException.class, () -> SuiteOptions.parse(args)).getMessage();
    }
}
