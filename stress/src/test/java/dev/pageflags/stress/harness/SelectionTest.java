package dev.pageflags.stress.harness;

import dev.pageflags.mm.Variant;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelectionTest {
    private static final SuiteTest B0 = Fixtures.test("Race000_MlockMunlock.Broken", "000", Variant.BROKEN);
    private static final SuiteTest F0 = Fixtures.test("Race000_MlockMunlock.Fixed", "000", Variant.FIXED);
    private static final SuiteTest B4 = Fixtures.test("Race004_IsolatedClear.Broken", "004", Variant.BROKEN);
    private static final SuiteTest F4 = Fixtures.test("Race004_IsolatedClear.Fixed", "004", Variant.FIXED);
    private static final List<SuiteTest> ALL = List.of(B0, F0, B4, F4);

    private static List<SuiteTest> select(String scenario, String test) throws UsageException {
        return Selection.select(ALL, Optional.ofNullable(scenario), Optional.ofNullable(test));
    }

    @Test
    void noFilterSelectsEverything() throws UsageException {
        assertEquals(ALL, select(null, null));
    }

    @Test
    void aScenarioSelectsItsSeed() throws UsageException {
        assertEquals(List.of(B4, F4), select("004", null));
    }

    @Test
    void aTestIsFoundByFullNameSimpleNameOrBinaryName() throws UsageException {
        assertEquals(List.of(F4), select(null, "dev.pageflags.stress.Race004_IsolatedClear.Fixed"));
        assertEquals(List.of(F4), select(null, "Race004_IsolatedClear.Fixed"));
        assertEquals(List.of(F4), select(null, "Race004_IsolatedClear$Fixed"));
        assertEquals(List.of(B4, F4), select(null, "Race004_IsolatedClear"));
        assertEquals(List.of(B0, B4), select(null, "Broken"));
    }

    @Test
    void otherwiseItIsARegexSearchedInTheNames() throws UsageException {
        assertEquals(List.of(F0, F4), select(null, "Race00[04].*Fix"));
        assertEquals(List.of(B0), select(null, "Mlock.*Broken$"));
    }

    @Test
    void scenarioAndTestCombine() throws UsageException {
        assertEquals(List.of(B0), select("000", "Broken"));
    }

    @Test
    void anEmptySelectionIsRefusedNamingWhatExists() {
        String message = assertThrows(UsageException.class, () -> select("001", null)).getMessage();
        assertTrue(message.contains("matched no test (stress.scenario=001)"), message);
        assertTrue(message.contains("Race004_IsolatedClear.Fixed [004]"), message);
        assertThrows(UsageException.class, () -> select("004", "Mlock"));
        assertThrows(UsageException.class, () -> select(null, "NoSuchRace"));
    }

    @Test
    void aJarWithoutTestsSaysSo() {
        String message = assertThrows(UsageException.class,
                () -> Selection.select(List.of(), Optional.empty(), Optional.empty())).getMessage();
        assertTrue(message.contains("annotation processor"), message);
    }

    @Test
    void unannotatedTestsBlockOnlySelectionsThatWouldRunThem() {
        List<String> scratch = List.of("dev.pageflags.stress.Race001_Scratch.Try");
        assertEquals(scratch, Selection.ungraded(scratch, Optional.empty(), Optional.empty()));
        assertEquals(scratch, Selection.ungraded(scratch, Optional.empty(), Optional.of("Race001")));
        assertEquals(List.of(), Selection.ungraded(scratch, Optional.empty(), Optional.of("Race004")));
        assertEquals(List.of(), Selection.ungraded(scratch, Optional.of("001"), Optional.empty()));
    }
}
