/**
 * Reporting shared by the stress suite and the benchmarks, which do not depend on each other:
 * {@link dev.pageflags.report.LogScale}, the log axis of both charts, and
 * {@link dev.pageflags.report.IndexPage}, {@code results/index.html}, the page to open first.
 *
 * <h2>The index page</h2>
 * One HTML file with its CSS and SVG inline and no script, so it opens offline and from a CI
 * artifact. It is rebuilt whole, each time, from the folders beside it, one class per part:
 * <ul>
 *   <li>{@link dev.pageflags.report.StressPart}: {@code stress/summary.json}: the verdict line, the
 *       races ({@link dev.pageflags.report.RaceTable}), the litmus and atomicity tables
 *       ({@link dev.pageflags.report.LitmusTables}), the machine and budget
 *       ({@link dev.pageflags.report.RunFacts}); test names link to JCStress's own page of the test
 *       where one exists ({@link dev.pageflags.report.JcstressPages});</li>
 *   <li>{@link dev.pageflags.report.LincheckPart}: {@code lincheck/*.txt}, each trace folded under its
 *       heading, its thread tables as HTML tables ({@link dev.pageflags.report.LincheckTrace});</li>
 *   <li>{@link dev.pageflags.report.BenchPart}: {@code bench/ratios.json}
 *       ({@link dev.pageflags.report.RatioTable}) or a link to {@code report.md}, and
 *       {@code chart.svg} inline ({@link dev.pageflags.report.InlineSvg});</li>
 *   <li>{@link dev.pageflags.report.MergedPart}: {@code merged/merged.json} and {@code rates.svg};</li>
 *   <li>{@link dev.pageflags.report.RawFilesPart}: links to every file of those folders.</li>
 * </ul>
 * A part whose input is missing says "not run" (and which command writes it); a part whose input
 * cannot be read says why, in red. Every string read from a file is escaped
 * ({@link dev.pageflags.report.Html}); the JSON is read leniently ({@link dev.pageflags.report.Json}),
 * so a field added or left out by a newer tool prints "-" rather than breaking the page.
 *
 * <h2>Who writes it</h2>
 * Each tool that writes one of the folders rewrites the page when given {@code --index FILE}, and
 * refuses a FILE whose folder would not show its output ({@link dev.pageflags.report.IndexPage#misplaced}):
 * the stress suite at the end of every run, refused and failed runs included (the build passes
 * {@code results/index.html}); the benchmark run of {@code mvn -P run verify} (the smoke run of plain
 * {@code mvn verify} writes into the build folder, not {@code results/}, and leaves the page alone);
 * {@code MergeSummaries --out results/merged --index results/index.html}. So after {@code mvn verify}
 * the page shows that run's suite and traces beside the last full benchmark run, each part dated.
 */
package dev.pageflags.report;
