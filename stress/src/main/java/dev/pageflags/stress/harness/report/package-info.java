/**
 * Merging several runs of the stress suite (other machines, other JDKs, other budgets) into one view:
 * {@link dev.pageflags.stress.harness.report.MergeSummaries}. The benchmarks have their own
 * {@code Compare} in the bench module; this is its counterpart for the suite's {@code summary.json}.
 *
 * <h2>Usage</h2>
 * <pre>
 * java -cp stress/target/jcstress.jar dev.pageflags.stress.harness.report.MergeSummaries \
 *     --out results/merged results/reference/stress/summary.json results/reference/stress-jdk25/summary.json
 * </pre>
 * {@code --out DIR} (or {@code --out=DIR}) is created if missing; then two or more summary.json files, in
 * the order the tables list them ("#1", "#2", ...). Exit code 0: the three files were written. Exit code
 * 2: bad input, with one line on stderr naming the file and what is wrong, and nothing written.
 *
 * <p>{@code --index FILE} (or {@code --index=FILE}) also rewrites the results page FILE
 * ({@link dev.pageflags.report.IndexPage}) once the merge is written. The page shows the
 * {@code merged/} folder beside it, so DIR must be that folder ({@code --out results/merged --index
 * results/index.html}); any other pairing is bad input. A page that cannot be written is reported on
 * stderr and does not change the exit code: the merge itself is done.
 *
 * <h2>Inputs</h2>
 * Each file is a {@code results/stress/summary.json} written by the suite (schema on the
 * {@code harness} package page), read with Gson. It carries its own machine (CPU model, CPUs, arch),
 * JVM and budget, so no other file is needed. Refused, naming the file:
 * <ul>
 *   <li>a file that does not exist or cannot be read; text that is not JSON; JSON that is not a suite
 *       summary (not an object, no {@code tests[]} array, no {@code machine} object);</li>
 *   <li>a refused run ({@code problem} set): its rows are errors, not measurements;</li>
 *   <li>runs of different test sets, compared by test name against the first file: the message lists the
 *       tests only in either file (the first ten of each), since a missing row would read as a pass;</li>
 *   <li>fewer than two files, no {@code --out}, an {@code --out} that is a file or cannot be created,
 *       an {@code --index} whose page would not show {@code --out}, an unknown option.</li>
 * </ul>
 *
 * <h2>Outputs, in DIR</h2>
 * <ul>
 *   <li>{@code merged.md}: a header listing the runs (file, run id, machine, JVM, budget); one table per
 *       race test (and any other test that is neither litmus nor bit-op pair) with one row per run:
 *       machine, JVM, budget, samples, bad, rate per million, verdict; one table per litmus test (run,
 *       samples, observed, grade) and per bit-operation pair (run, samples, lost updates, per million,
 *       grade). A rate with no samples is "-", never 0.</li>
 *   <li>{@code merged.json}: the same content ({@code runs[]}, {@code tests[]}, {@code litmus[]},
 *       {@code atomicity[]}, each test with {@code runs[]} in file order), see
 *       {@link dev.pageflags.stress.harness.report.MergedJson}.</li>
 *   <li>{@code rates.svg}: the bad-outcome rate per million of every race test, one bar per run, on a
 *       log axis from the decade below the smallest non-zero rate; a zero rate is a diamond on the axis
 *       floor labelled "0"; a legend names each run. Plain SVG, no scripts, no external assets.</li>
 * </ul>
 *
 * <h2>One job per class</h2>
 * {@link dev.pageflags.stress.harness.report.MergeOptions} parses the command line,
 * {@link dev.pageflags.stress.harness.report.SummaryReader} reads and checks one file,
 * {@link dev.pageflags.stress.harness.report.TestSetCheck} compares the test sets,
 * {@link dev.pageflags.stress.harness.report.MergedView} lines the runs up by test name, and
 * {@link dev.pageflags.stress.harness.report.MergedMarkdown},
 * {@link dev.pageflags.stress.harness.report.MergedJson} and
 * {@link dev.pageflags.stress.harness.report.RatesSvg} (with
 * {@link dev.pageflags.report.LogScale}, shared with the benchmark chart) each write one file.
 */
package dev.pageflags.stress.harness.report;
