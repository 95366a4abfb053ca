/**
 * The calibration test: the smallest two-actor JCStress test, run beside the race tests so that each
 * race's sampling rate can be read as a share of what JCStress itself can do on the same machine, in
 * the same process, with the same options. A race sample costs more (its fresh world, and steps whose
 * locks and flag words cross between the CPUs), and a slow race needs more time to show a window a few
 * loads wide; the summary flags a race test that samples below a quarter of the calibration rate
 * ({@code dev.pageflags.stress.harness.SamplingRates}).
 *
 * <p>Beside it, the sample-cost tests ({@code SampleCost000_...} to {@code SampleCost004_...}, one class
 * per race class with a rate, {@link dev.pageflags.stress.SampleCostOf}) take one variant of each race
 * apart: its world built and judged with both actors idle, and its two paths run back to back on one
 * actor. Their rates say how much of a race sample is construction and how much is its paths, and so
 * whether making construction cheaper could bring the race to the floor at all.
 */
package dev.pageflags.stress.calibration;
