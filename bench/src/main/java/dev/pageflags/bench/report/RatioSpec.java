package dev.pageflags.bench.report;

import dev.pageflags.report.Precision;
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

    /**
     * The ratio in this run with its fork-level interval and verdict, or empty when either side was
     * not measured. The point is the ratio of the two figures (JMH's scores: the mean over all
     * iterations, which is the mean of the fork means); the interval resamples the fork means.
     */
    public Optional<RatioResult> evaluate(ResultSet run) {
        Optional<Figure> num = run.figure(numerator);
        Optional<Figure> den = run.figure(denominator);
        if (num.isEmpty() || den.isEmpty()) {
            return Optional.empty();
        }
        Interval interval = Bootstrap.ratio(run.forks(numerator), run.forks(denominator),
                numerator + "/" + denominator).orElse(null);
        return Optional.of(new RatioResult(this, num.get(), den.get(), num.get().value() / den.get().value(),
                interval, RatioVerdict.of(target, interval)));
    }

    /** "≤ 1.5x", or "" for an informational ratio. */
    public String targetText() {
        return hasTarget() ? "\u2264 " + Precision.number(target, target * 10 == Math.rint(target * 10) ? 1 : 2) + "x"
                : "";
    }
}
