package dev.pageflags.bench.report;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.DoubleBinaryOperator;

/**
 * Confidence intervals from fork-level resampling. JMH's own error pools every iteration of every
 * fork as if they were independent, but iterations of one fork share its JIT decisions, its heap
 * layout and its page placement: the fork is the unit that repeats. So each benchmark contributes
 * its per-fork means, and an interval comes from resampling those with replacement
 * ({@value #RESAMPLES} times), computing the statistic (a ratio of two means, their difference, or
 * one mean) each time and taking the percentile interval at {@link #LEVEL}.
 *
 * <p>The random stream is seeded from {@link #SEED} and the statistic's key (its two ids), so a
 * report regenerated from the same {@code jmh.json} prints the same intervals, whatever else it
 * contains. With few forks a percentile bootstrap is narrower than its nominal level: for the mean
 * of 5 normally distributed forks a 99% percentile interval is as wide as a Student's t interval at
 * about 92% (it is {@code z(0.995)·√(4/5)·s/√5} against {@code t₄·s/√5}), which is why the level
 * is 99% and not 95%. Fewer than {@value #MIN_FORKS} forks on a side give no interval at all: two
 * forks resample to three distinct means, and their "interval" would be their range.
 */
public final class Bootstrap {
    /** Nominal coverage of every interval. */
    public static final double LEVEL = 0.99;
    public static final int RESAMPLES = 10_000;
    /** The fewest fork means a side needs for an interval. */
    public static final int MIN_FORKS = 3;
    /** Fixed, so that intervals are a function of the result file alone. */
    public static final long SEED = 20_261_121L;

    private Bootstrap() {
    }

    /** The interval of {@code mean(numerator) / mean(denominator)}; empty with too few forks on a side. */
    public static Optional<Interval> ratio(List<Double> numerator, List<Double> denominator, String key) {
        return twoSided(numerator, denominator, (a, b) -> a / b, "ratio " + key);
    }

    /** The interval of {@code mean(a) - mean(b)}. */
    public static Optional<Interval> difference(List<Double> a, List<Double> b, String key) {
        return twoSided(a, b, (x, y) -> x - y, "difference " + key);
    }

    /** The interval of one side's mean. */
    public static Optional<Interval> mean(List<Double> values, String key) {
        if (!usable(values)) {
            return Optional.empty();
        }
        double[] v = toArray(values);
        Random random = random("mean " + key);
        double[] stats = new double[RESAMPLES];
        for (int i = 0; i < RESAMPLES; i++) {
            stats[i] = resampledMean(v, random);
        }
        return percentiles(stats);
    }

    private static Optional<Interval> twoSided(List<Double> a, List<Double> b, DoubleBinaryOperator statistic,
                                               String key) {
        if (!usable(a) || !usable(b)) {
            return Optional.empty();
        }
        double[] x = toArray(a);
        double[] y = toArray(b);
        Random random = random(key);
        double[] stats = new double[RESAMPLES];
        for (int i = 0; i < RESAMPLES; i++) {
            stats[i] = statistic.applyAsDouble(resampledMean(x, random), resampledMean(y, random));
        }
        return percentiles(stats);
    }

    private static boolean usable(List<Double> values) {
        return values.size() >= MIN_FORKS && values.stream().allMatch(Double::isFinite);
    }

    /** java.util.Random's sequence is specified, so the intervals are the same on every JDK. */
    private static Random random(String key) {
        return new Random(SEED * 31 + key.hashCode());
    }

    private static double resampledMean(double[] values, Random random) {
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[random.nextInt(values.length)];
        }
        return sum / values.length;
    }

    private static Optional<Interval> percentiles(double[] stats) {
        Arrays.sort(stats);
        if (!Double.isFinite(stats[0]) || !Double.isFinite(stats[stats.length - 1])) {
            // A resampled denominator of zero: no finite interval.
            return Optional.empty();
        }
        int tail = (int) Math.floor((1 - LEVEL) / 2 * stats.length);
        return Optional.of(new Interval(stats[tail], stats[stats.length - 1 - tail]));
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
