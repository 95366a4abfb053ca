package dev.pageflags.stress.harness;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SuiteOptionsTest {
    private static final List<String> PATHS = List.of("--jar=j.jar", "--results=r",
            "--lincheck=l.json", "--run-id=20261130T101500.000", "--work=w");

    private static SuiteOptions parse(String... extra) throws UsageException {
        List<String> args = new ArrayList<>(PATHS);
        args.addAll(List.of(extra));
        return SuiteOptions.parse(args.toArray(String[]::new));
    }

    private static String refusal(String... extra) {
        return assertThrows(UsageException.class, () -> parse(extra)).getMessage();
    }

    @Test
    void defaultsRunEverythingOnTheDefaultBudget() throws UsageException {
        SuiteOptions o = parse();
        assertEquals(Budget.DEFAULT, o.budget());
        assertEquals(Optional.empty(), o.scenario());
        assertEquals(Optional.empty(), o.test());
        assertEquals(Path.of("r"), o.resultsDir());
    }

    @Test
    void allMeansNoFilter() throws UsageException {
        SuiteOptions o = parse("--scenario=all", "--test=all", "--budget=quick");
        assertEquals(Optional.empty(), o.scenario());
        assertEquals(Optional.empty(), o.test());
        assertEquals(Budget.QUICK, o.budget());
    }

    @Test
    void budgetIsCaseInsensitiveAndTrimmed() throws UsageException {
        assertEquals(Budget.TOUGH, parse("--budget= Tough ").budget());
    }

    @Test
    void unknownAndEmptyBudgetsAreRefusedWithTheChoices() {
        assertTrue(refusal("--budget=huge").contains("Unknown stress.budget 'huge'"));
        assertTrue(refusal("--budget=huge").contains("quick, default, tough"));
        assertTrue(refusal("--budget=").contains("stress.budget is empty"));
    }

    @Test
    void aScenarioIsOneOfTheFiveSeeds() throws UsageException {
        assertEquals(Optional.of("004"), parse("--scenario=004").scenario());
        assertEquals(Optional.of("000"), parse("--scenario= 000").scenario());
    }

    @ParameterizedTest
    @ValueSource(strings = {"4", "04", "0004", "abc", "00a", "true", "-1"})
    void malformedScenariosAreRefused(String value) {
        assertTrue(refusal("--scenario=" + value).startsWith("Malformed stress.scenario"), value);
    }

    @Test
    void unknownAndEmptyScenariosAreRefused() {
        assertTrue(refusal("--scenario=005").startsWith("Unknown stress.scenario '005'"));
        assertTrue(refusal("--scenario=").startsWith("stress.scenario is empty"));
        assertTrue(refusal("--scenario=  ").startsWith("stress.scenario is empty"));
    }

    @Test
    void aTestIsANameOrARegex() throws UsageException {
        assertEquals(Optional.of("Race004_X.Broken"), parse("--test=Race004_X.Broken").test());
        assertEquals(Optional.of("Race004_X$Broken"), parse("--test=Race004_X$Broken").test());
        assertEquals(Optional.of("Race00[34].*Fixed"), parse("--test=Race00[34].*Fixed").test());
    }

    @Test
    void emptyTestsAndBrokenRegexesAreRefused() {
        assertTrue(refusal("--test=").startsWith("stress.test is empty"));
        assertTrue(refusal("--test=Race00[3").contains("neither a class name nor a valid regular expression"));
        assertTrue(refusal("--test=*Broken").contains("neither a class name nor a valid regular expression"));
    }

    @Test
    void malformedUnknownRepeatedAndMissingArgumentsAreRefused() {
        assertTrue(refusal("budget=quick").startsWith("Malformed argument"));
        assertTrue(refusal("--budget").startsWith("Malformed argument"));
        assertTrue(refusal("--bugdet=quick").startsWith("Unknown argument '--bugdet'"));
        assertTrue(refusal("--budget=quick", "--budget=tough").contains("given twice"));
        assertThrows(UsageException.class, () -> SuiteOptions.parse("--jar=j.jar"));
        assertThrows(UsageException.class, () -> SuiteOptions.parse("--jar=", "--results=r",
                "--lincheck=none", "--work=w"));
        assertTrue(assertThrows(UsageException.class, () -> SuiteOptions.parse("--jar=j.jar", "--results=r",
                "--lincheck=l.json", "--work=w")).getMessage().contains("--run-id"));
        assertTrue(refusal("--group=stress").contains("stress.group"));
        assertTrue(refusal("--fork-deadline=0").contains("positive"));
    }

    @Test
    void lincheckNoneAndAGroupAreUnderstood() throws UsageException {
        SuiteOptions o = SuiteOptions.parse("--jar=j.jar", "--results=r", "--lincheck=none", "--work=w",
                "--group=litmus", "--fork-deadline=5");
        assertTrue(o.lincheckFile().isEmpty());
        assertEquals(java.util.Optional.of(TestKind.LITMUS), o.group());
        assertEquals(java.time.Duration.ofSeconds(5), o.forkDeadline().orElseThrow());
        assertEquals(java.util.Optional.of(java.nio.file.Path.of("r")),
                SuiteOptions.resultsDirIn("--budget=huge", "--results=r"));
    }

    @Test
    void theResultsPageIsTheOneBesideTheResultsFolder() {
        assertEquals(Optional.of(Path.of("out/index.html")),
                SuiteOptions.indexPageIn("--budget=huge", "--results=out/stress", "--index=out/index.html"),
                "read leniently, so that a refused run rewrites it");
        assertEquals(Optional.empty(), SuiteOptions.indexPageIn("--results=r", "--index=out/index.html"));
        assertEquals(Optional.empty(), SuiteOptions.indexPageIn("--index=out/index.html"), "no results, no page");
        assertTrue(assertThrows(UsageException.class, () -> SuiteOptions.parse("--jar=j.jar", "--results=r",
                "--lincheck=none", "--work=w", "--index=out/index.html")).getMessage()
                .contains("shows the stress/ folder beside it"));
    }
}
