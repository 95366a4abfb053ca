package dev.pageflags.stress.harness;

import dev.pageflags.mm.Variant;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NamesAndMachineTest {
    @Test
    void nestedTestsGroupUnderTheirRaceFile() {
        SuiteTest nested = Fixtures.test("Race004_X.Broken", "004", Variant.BROKEN);
        assertEquals("dev.pageflags.stress.Race004_X", nested.topLevelClass());
        assertEquals("Race004_X.Broken", nested.shortName());
        SuiteTest topLevel = Fixtures.test("Race001_Y", "001", Variant.FIXED);
        assertEquals("dev.pageflags.stress.Race001_Y", topLevel.topLevelClass());
        assertEquals("Race001_Y", topLevel.shortName());
        assertEquals("fixed", topLevel.variantLabel());
    }

    @Test
    void theSelectionRegexMatchesExactlyTheNamedTests() {
        String regex = JCStressLauncher.selectionRegex(List.of("a.B$C", "a.D"));
        assertEquals(true, java.util.regex.Pattern.compile(regex).matcher("a.B$C").find());
        assertEquals(true, java.util.regex.Pattern.compile(regex).matcher("a.D").find());
        assertEquals(false, java.util.regex.Pattern.compile(regex).matcher("a.DE").find());
        assertEquals(false, java.util.regex.Pattern.compile(regex).matcher("xa.D").find());
    }
}
