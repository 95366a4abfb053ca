package dev.pageflags.stress.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * summary.md's "Where a race sample's time goes" and its summary.json rows: each race variant a
 * sample-cost test took apart, its rate and its parts', and the bound of {@link SampleCosts}.
 */
final class SampleCostTable {
    static final String BOUND_NOTE = "bound: a JCStress iteration runs its phases one after another (the actors'"
            + " strides, then the consume phase that runs the arbiter and builds the next states), so times per"
            + " sample (t = 1/rate) add across phases; had building and judging the world cost no more than the"
            + " calibration's state, the race would sample at 1 / (t_race - t_worldOnly + t_calibration), shown as"
            + " a share of the calibration rate. Below " + SamplingRates.shareText(SamplingRates.RACE_FLOOR)
            + ", cheaper construction alone cannot bring the race to the floor: its actors' time alone is too long.";

    private SampleCostTable() {
    }

    static String section(SuiteReport report, SamplingRates rates) {
        List<SampleCosts.Row> rows = SampleCosts.rows(report);
        List<String> undecomposed = SampleCosts.undecomposed(report);
        if (rows.isEmpty() && undecomposed.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("\n### Where a race sample's time goes\n\n");
        if (!rows.isEmpty()) {
            md.append("| Race test | Samples/s | x calibration | World only: samples/s | x calibration"
                    + " | One thread: samples/s | x calibration | Bound: x calibration if the world cost no more"
                    + " than the calibration's state |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
            for (SampleCosts.Row row : rows) {
                md.append("| ").append(row.shortName())
                        .append(rateCells(row.race(), rates, "race not in this run"))
                        .append(rateCells(row.worldOnly(), rates, "missing"))
                        .append(rateCells(row.oneThread(), rates, "missing"))
                        .append(" | ").append(boundCell(row, rates)).append(" |\n");
            }
            md.append('\n').append(belowFloorLine(rows, rates)).append('\n');
        }
        if (!undecomposed.isEmpty()) {
            md.append("\n**No sample-cost test in this run for: ").append(String.join(", ", undecomposed))
                    .append("** (not selected, or missing from the jar).\n");
        }
        md.append("\nWorld only: the race variant's world built per sample as its test builds it and judged by the"
                + " arbiter, both actors idle. One thread: its two paths back to back on one actor, the other idle."
                + " Each part's rate is read against the calibration's, as above. ")
                .append(BOUND_NOTE.substring(0, 1).toUpperCase()).append(BOUND_NOTE.substring(1)).append('\n');
        return md.toString();
    }

    /** "Cheaper construction alone cannot bring these to 0.25x: A (0.19x)", or why no such line can be said. */
    static String belowFloorLine(List<SampleCosts.Row> rows, SamplingRates rates) {
        if (rows.stream().noneMatch(r -> r.boundShare(rates).isPresent())) {
            return "**No bound: no decomposed race variant has all three rates (race, world only, calibration).**";
        }
        List<String> below = rows.stream().filter(r -> r.boundBelowFloor(rates))
                .map(r -> r.shortName() + " (" + SamplingRates.shareText(r.boundShare(rates).getAsDouble()) + ")")
                .toList();
        String floor = SamplingRates.shareText(SamplingRates.RACE_FLOOR);
        return below.isEmpty() ? "Every bound reaches " + floor + ": cheaper construction could bring these to it."
                : "**Cheaper construction alone cannot bring these to " + floor + ": " + String.join(", ", below)
                + ".**";
    }

    private static String rateCells(Optional<TestVerdict> v, SamplingRates rates, String absent) {
        if (v.isEmpty()) {
            return " | " + absent + " | -";
        }
        double perSecond = v.get().samplesPerSecond();
        return " | " + (perSecond < 0 ? "no rate (" + v.get().verdict().label() + ")"
                : Formats.grouped(Math.round(perSecond))) + " | " + rates.shareCell(v.get());
    }

    private static String boundCell(SampleCosts.Row row, SamplingRates rates) {
        OptionalDouble bound = row.boundShare(rates);
        if (bound.isEmpty()) {
            return "-";
        }
        String text = SamplingRates.shareText(bound.getAsDouble());
        return row.boundBelowFloor(rates) ? "**" + text + ", below " + SamplingRates.shareText(SamplingRates.RACE_FLOOR)
                + "**" : text;
    }

    /** summary.json's "sampleCost": the rows, the race variants bounded below the floor, the undecomposed races. */
    static Map<String, Object> json(SuiteReport report, SamplingRates rates) {
        List<SampleCosts.Row> rows = SampleCosts.rows(report);
        List<Object> out = new ArrayList<>();
        for (SampleCosts.Row row : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("raceTest", row.raceTest());
            m.put("race", part(row.race(), rates));
            m.put("worldOnly", part(row.worldOnly(), rates));
            m.put("oneThread", part(row.oneThread(), rates));
            OptionalDouble bound = row.boundShare(rates);
            m.put("boundVsCalibration", bound.isPresent() ? Formats.round3(bound.getAsDouble()) : null);
            m.put("boundBelowRateFloor", row.boundBelowFloor(rates));
            out.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("rows", out);
        root.put("boundBelowFloor", rows.stream().filter(r -> r.boundBelowFloor(rates)).map(SampleCosts.Row::raceTest)
                .collect(Collectors.toList()));
        root.put("racesWithoutSampleCostTests", SampleCosts.undecomposed(report));
        root.put("note", "worldOnly: the world built and judged, both actors idle; oneThread: both paths back to back"
                + " on one actor; null: that test did not run. " + BOUND_NOTE);
        return root;
    }

    private static Map<String, Object> part(Optional<TestVerdict> v, SamplingRates rates) {
        if (v.isEmpty()) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("test", v.get().test().name());
        m.put("verdict", v.get().verdict().label());
        m.put("samplesPerSecond", v.get().samplesPerSecond() < 0 ? null : Math.round(v.get().samplesPerSecond()));
        OptionalDouble share = rates.share(v.get());
        m.put("rateVsCalibration", share.isPresent() ? Formats.round3(share.getAsDouble()) : null);
        return m;
    }
}
