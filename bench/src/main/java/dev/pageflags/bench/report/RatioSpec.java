package dev.pageflags.bench.report;

import java.util.Optional;

/**
 * One ratio the report shows: numerator ns/op over denominator ns/op, both ids of a
 * {@link ResultSet}, with the target it must meet (ratio at most {@code target}) when there is one.
 *
 * @param group the heading the ratio is listed under
 * @param why   what explains the ratio when it is far from 1: read by people, shown in the table
 */
public record RatioSpec(String group, String label, String numerator, String denominator, Double target,
                        String why) {

    public static RatioSpec info(String group, String label, String numerator, String denominator, String why) {
        return new RatioSpec(group, label, numerator, denominator, null, why);
    }

    public static RatioSpec target(String group, String label, String numerator, String denominator, double target,
                                   String why) {
        return new RatioSpec(group, label, numerator, denominator, target, why);
    }

    public boolean hasTarget() {
        return target != null;
    }

    /** The ratio in this run, or empty when either side was not measured. */
    public Optional<Figure> evaluate(ResultSet run) {
        Optional<Figure> num = run.figure(numerator);
        Optional<Figure> den = run.figure(denominator);
        if (num.isEmpty() || den.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(num.get().ratioTo(den.get()));
    }

    /**
     * "met", "missed: 1.9x the target" or "borderline" when the target lies inside the ratio's
     * error interval; "-" for an informational ratio.
     */
    public String verdict(Figure ratio) {
        if (!hasTarget()) {
            return "-";
        }
        if (ratio.high() <= target) {
            return "met";
        }
        if (ratio.low() <= target) {
            return ratio.value() <= target ? "met (within error)" : "missed within error ("
                    + Figure.number(ratio.value() / target, 2) + "x the target)";
        }
        return "**missed: " + Figure.number(ratio.value() / target, 2) + "x the target**";
    }

    /** "≤ 1.5x", or "" for an informational ratio. */
    public String targetText() {
        return hasTarget() ? "\u2264 " + Figure.number(target, target * 10 == Math.rint(target * 10) ? 1 : 2) + "x" : "";
    }
}
