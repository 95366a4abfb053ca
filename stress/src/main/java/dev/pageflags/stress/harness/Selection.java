package dev.pageflags.stress.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Narrows the suite to what {@code stress.scenario}, {@code stress.group} and {@code stress.test} ask for. */
public final class Selection {
    private Selection() {
    }

    /**
     * A test value first selects by name: the full name, or any dotted suffix of it ("Race004_X.Broken",
     * "Broken"), with '$' read as '.'. Only when no name matches is it read as a regular expression
     * searched in the full names, as JCStress's own {@code -t} does.
     *
     * @throws UsageException when nothing is left, naming what was asked and what exists
     */
    public static List<SuiteTest> select(List<SuiteTest> tests, Optional<String> scenario, Optional<String> test)
            throws UsageException {
        return select(tests, scenario, test, Optional.empty());
    }

    /**
     * As above, within one kind of test when {@code group} is given; a scenario selects races only. A
     * selection with any race test also takes the calibration test, whatever the filters say, so that
     * every run of races carries the floor their rates are read against, and the sample-cost tests of the
     * race tests it selected ({@code @SampleCostOf}), which say where those races' time per sample goes.
     */
    public static List<SuiteTest> select(List<SuiteTest> tests, Optional<String> scenario, Optional<String> test,
                                         Optional<TestKind> group) throws UsageException {
        List<SuiteTest> inScenario = tests.stream()
                .filter(t -> group.map(g -> g == t.kind()).orElse(true))
                .filter(t -> scenario.map(s -> s.equals(t.seed())).orElse(true))
                .collect(Collectors.toList());
        List<SuiteTest> selected = new ArrayList<>(test.isPresent() ? byName(inScenario, test.get()) : inScenario);
        if (selected.isEmpty()) {
            throw new UsageException("The selection matched no test ("
                    + describe(scenario, test, group) + "). Tests in the jar: " + names(tests) + ".");
        }
        if (selected.stream().anyMatch(t -> t.kind() == TestKind.RACES)) {
            List<String> races = selected.stream().filter(t -> t.kind() == TestKind.RACES).map(SuiteTest::name).toList();
            tests.stream().filter(t -> !selected.contains(t) && takenAlong(t, races)).forEach(selected::add);
        }
        return selected;
    }

    /** The calibration test goes with any race; a sample-cost test with the race test it takes apart. */
    private static boolean takenAlong(SuiteTest t, List<String> selectedRaces) {
        if (t.claim() instanceof Claim.Calibration) {
            return true;
        }
        return t.claim() instanceof Claim.SampleCost cost && selectedRaces.contains(cost.raceTest());
    }

    private static List<SuiteTest> byName(List<SuiteTest> tests, String value) {
        List<String> names = matchingNames(tests.stream().map(SuiteTest::name).toList(), value);
        return tests.stream().filter(t -> names.contains(t.name())).collect(Collectors.toList());
    }

    /**
     * The JCStress tests without {@code @RaceVariant} that this selection would have run: the suite
     * refuses to run them ungraded. A scenario filter never selects them (they have no seed).
     */
    public static List<String> ungraded(List<String> unannotated, Optional<String> scenario, Optional<String> test) {
        return ungraded(unannotated, scenario, test, Optional.empty());
    }

    /** As above; a group filter keeps the ungraded tests of that group's package (races: the top package). */
    public static List<String> ungraded(List<String> unannotated, Optional<String> scenario, Optional<String> test,
                                        Optional<TestKind> group) {
        if (scenario.isPresent()) {
            return List.of();
        }
        List<String> inGroup = unannotated.stream().filter(n -> group.map(g -> inPackageOf(g, n)).orElse(true))
                .toList();
        return test.map(t -> matchingNames(inGroup, t)).orElse(inGroup);
    }

    private static boolean inPackageOf(TestKind group, String name) {
        return switch (group) {
            case LITMUS -> name.contains(".litmus.");
            case ATOMICITY -> name.contains(".atomicity.");
            case CALIBRATION -> name.contains(".calibration.");
            case RACES -> !name.contains(".litmus.") && !name.contains(".atomicity.") && !name.contains(".calibration.");
        };
    }

    private static List<String> matchingNames(List<String> names, String value) {
        String dotted = value.replace('$', '.');
        List<String> named = names.stream()
                .filter(n -> n.equals(dotted) || n.endsWith("." + dotted)).collect(Collectors.toList());
        if (!named.isEmpty()) {
            return named;
        }
        Pattern regex;
        try {
            regex = Pattern.compile(value);
        } catch (RuntimeException notARegex) {
            return List.of();
        }
        return names.stream().filter(n -> regex.matcher(n).find()).collect(Collectors.toList());
    }

    private static String describe(Optional<String> scenario, Optional<String> test, Optional<TestKind> group) {
        List<String> parts = new ArrayList<>();
        group.ifPresent(g -> parts.add("stress.group=" + g.label()));
        scenario.ifPresent(s -> parts.add("stress.scenario=" + s));
        test.ifPresent(t -> parts.add("stress.test=" + t));
        return parts.isEmpty() ? "no filter" : String.join(", ", parts);
    }

    private static String names(List<SuiteTest> tests) {
        if (tests.isEmpty()) {
            return "none (is the JCStress annotation processor running?)";
        }
        return tests.stream().map(t -> t.shortName() + " [" + (t.seed().isEmpty() ? t.kind().label() : t.seed()) + "]")
                .collect(Collectors.joining(", "));
    }
}
