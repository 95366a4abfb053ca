package dev.pageflags.bench;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;

/**
 * {@link LockHandOffBench}'s groups in {@code SampleTime} mode: JMH times single lock+unlock calls
 * (a sample of them, each with its own pair of {@code nanoTime} reads) and reports their
 * distribution, p50, p99 and p99.9 among its {@code scorePercentiles} in {@code jmh.json}. The
 * score itself is the mean of the sampled calls, timer included, so it is not the same figure as
 * {@link LockHandOffBench}'s average. The counters run here too.
 */
@BenchmarkMode(Mode.SampleTime)
public class LockHandOffLatencyBench extends LockHandOffBench {
}
