package dev.pageflags.stress.harness;

import dev.pageflags.mm.Variant;
import dev.pageflags.stress.AtomicityPair;
import dev.pageflags.stress.Calibration;
import dev.pageflags.stress.LitmusTest;
import dev.pageflags.stress.RaceVariant;
import dev.pageflags.stress.SampleCostOf;
import org.junit.jupiter.api.Test;
import org.openjdk.jcstress.annotations.Mode;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestCatalogTest {
    @LitmusTest(name = "SB+fencembonceonces", path = "tools/memory-model/litmus-tests/SB+fencembonceonces.litmus",
            lkmm = LitmusTest.Lkmm.NEVER, x86 = LitmusTest.Tso.FORBIDDEN)
    static final class FencedStoreBuffering {
    }

    @AtomicityPair(op1 = "set_bit", op2 = "__clear_bit", atomic = false, toughOnly = true)
    static final class SetBitPlainClear {
    }

    @RaceVariant(seed = "003", variant = Variant.BROKEN, claim = RaceVariant.Claim.SAFE_BY_COHERENCE)
    static final class SameWord {
    }

    @RaceVariant(seed = "003", variant = Variant.BROKEN)
    @AtomicityPair(op1 = "set_bit", op2 = "clear_bit", atomic = true)
    static final class TwoClaims {
    }

    static final class NoClaim {
    }

    @Calibration
    static final class Floor {
    }

    @Test
    void eachAnnotationBecomesItsClaim() {
        Claim.Litmus litmus = assertInstanceOf(Claim.Litmus.class, TestCatalog.claims(FencedStoreBuffering.class).get(0));
        assertEquals(2, litmus.threads());
        assertEquals(TestKind.LITMUS, litmus.kind());
        Claim.Atomicity pair = assertInstanceOf(Claim.Atomicity.class, TestCatalog.claims(SetBitPlainClear.class).get(0));
        assertTrue(pair.toughOnly());
        assertEquals("non-atomic", pair.label());
        Claim.Race race = assertInstanceOf(Claim.Race.class, TestCatalog.claims(SameWord.class).get(0));
        assertEquals(RaceVariant.Claim.SAFE_BY_COHERENCE, race.claim());
        assertEquals(2, TestCatalog.claims(TwoClaims.class).size());
        assertEquals(List.of(), TestCatalog.claims(NoClaim.class));
        assertEquals(TestKind.CALIBRATION, assertInstanceOf(Claim.Calibration.class,
                TestCatalog.claims(Floor.class).get(0)).kind());
    }

    @Test
    void everyJCStressTestOfTheModuleCanBeGradedAsDeclared() throws ClassNotFoundException {
        TestCatalog catalog = TestCatalog.load(getClass().getClassLoader());
        assertEquals(List.of(), catalog.ungraded(), "tests without exactly one grading annotation");
        assertTrue(catalog.tests().size() >= 15, "the race tests are in the catalog: " + catalog.tests().size());
        List<String> problems = catalog.tests().stream().flatMap(t -> CanFailCheck.problems(t).stream()).toList();
        assertEquals(List.of(), problems);
        assertEquals(List.of("dev.pageflags.stress.calibration.TwoActorWrites"), catalog.tests().stream()
                .filter(t -> t.claim() instanceof Claim.Calibration).map(SuiteTest::name).toList(),
                "one calibration test, the races' floor");
    }

    @Test
    void everyRaceWithARateHasOneVariantTakenApartIntoBothParts() throws ClassNotFoundException {
        TestCatalog catalog = TestCatalog.load(getClass().getClassLoader());
        Map<String, SuiteTest> races = catalog.tests().stream().filter(t -> t.kind() == TestKind.RACES)
                .collect(Collectors.toMap(SuiteTest::name, t -> t));
        Map<String, List<SampleCostOf.Part>> parts = catalog.tests().stream()
                .filter(t -> t.claim() instanceof Claim.SampleCost)
                .map(t -> (Claim.SampleCost) t.claim())
                .collect(Collectors.groupingBy(Claim.SampleCost::raceTest, TreeMap::new,
                        Collectors.mapping(Claim.SampleCost::part, Collectors.toList())));
        parts.forEach((race, of) -> {
            assertTrue(races.containsKey(race), "takes apart a race test of the jar: " + race);
            assertEquals(Set.of(SampleCostOf.Part.values()), Set.copyOf(of), race);
            assertEquals(2, of.size(), race);
        });
        Set<String> decomposedClasses = parts.keySet().stream().map(SuiteTest::topLevelOf).collect(Collectors.toSet());
        Set<String> continuousClasses = races.values().stream().filter(t -> t.mode() == Mode.Continuous)
                .map(SuiteTest::topLevelClass).collect(Collectors.toSet());
        assertEquals(continuousClasses, decomposedClasses, "one variant of each race class with a rate");
        assertEquals(continuousClasses.size(), parts.size(), "one variant per race class");
    }
}
