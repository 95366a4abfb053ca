/**
 * The stress suite's runner: selects JCStress tests, runs them, grades each against what its
 * annotation claims, and reports. This page is the runner's internals; the README says how to run it.
 *
 * <h2>Two entry points, one engine</h2>
 * <ul>
 *   <li>{@code mvn verify}: Failsafe runs {@code StressSuiteIT} (in {@code src/test}), a JUnit 5
 *       {@code @TestFactory} that starts {@link dev.pageflags.stress.harness.SuiteEngine} on a thread of
 *       its own and yields one test case per selected JCStress test, plus one for the suite as a
 *       whole. Each case waits for its own verdict, so the time Failsafe reports for it is the time the
 *       suite spent until that verdict was known (the first case of each kind carries its JCStress
 *       process's time). Failures (a FORBIDDEN state seen, a race or a litmus state not seen) are
 *       assertion failures; errors (VM error, hung, no samples, JCStress crashed, too few CPUs, Lincheck
 *       records missing or stale) are thrown as a non-assertion exception, so Failsafe counts them as
 *       errors; a test not run at all (more CPUs than the machine has, tough-only, another
 *       architecture) is skipped. The XML
 *       lands in {@code stress/target/failsafe-reports/}; {@code verify} fails the build.</li>
 *   <li>By hand, from the jar: {@code java -cp stress/target/jcstress.jar
 *       dev.pageflags.stress.harness.StressSuite --jar=stress/target/jcstress.jar --results=results/stress
 *       --work=/tmp/jcstress-work --lincheck=none [--budget=quick] [--group=litmus] [--test=REGEX]};
 *       exit code 0 all as expected, 1 a verdict failed, 2 a bad request, 3 the suite could not run.</li>
 * </ul>
 *
 * <h2>Options (Maven property, runner option)</h2>
 * <ul>
 *   <li>{@code stress.budget} / {@code --budget}: quick, default, tough ({@link dev.pageflags.stress.harness.Budget}).</li>
 *   <li>{@code stress.scenario} / {@code --scenario}: 000..004, races only.</li>
 *   <li>{@code stress.group} / {@code --group}: races, litmus, atomicity, calibration, all.</li>
 *   <li>{@code stress.test} / {@code --test}: a class name (any dotted suffix, '$' or '.') or a regex.</li>
 *   <li>{@code stress.lincheck} / {@code --lincheck}: the Lincheck verdict file, or {@code none}.</li>
 *   <li>{@code pf.runId} / {@code --run-id}: this build's id (root pom: {@code maven.build.timestamp},
 *       format {@code yyyyMMdd'T'HHmmss.SSS}); the Lincheck file must carry the same.</li>
 *   <li>{@code stress.fork.deadline} / {@code --fork-deadline}: seconds a test VM may run (tests, hand runs).</li>
 *   <li>{@code --run-deadline}: seconds one JCStress process may run.</li>
 *   <li>{@code stress.skip=true}, {@code -DskipTests}, {@code -Dmaven.test.skip}: no suite.</li>
 * </ul>
 *
 * <h2>What a run does, in order</h2>
 * <ol>
 *   <li>Clears {@code results/stress} first, before validating anything: a refused run writes a
 *       failing {@code summary.md}/{@code summary.json} there instead of leaving the last green one.</li>
 *   <li>Parses the options; reads the test list JCStress's annotation processor wrote into the jar
 *       ({@link dev.pageflags.stress.harness.TestCatalog}). Every test must carry exactly one of
 *       {@code @RaceVariant}, {@code @LitmusTest}, {@code @AtomicityPair}, {@code @Calibration},
 *       {@code @SampleCostOf} ({@link dev.pageflags.stress.harness.Claim}); {@link dev.pageflags.stress.harness.CanFailCheck}
 *       refuses a test that names no bad state, or whose catch-all {@code @Outcome} (the one without id)
 *       is not FORBIDDEN (the calibration test names none: it must declare every state ACCEPTABLE and
 *       have two actors; a sample-cost test must name a FORBIDDEN state, declare no INTERESTING one and
 *       have two actors). A selection with any race test takes the calibration test along, and the
 *       sample-cost tests of the race tests it selected ({@link dev.pageflags.stress.harness.Selection}).</li>
 *   <li>Reads the Lincheck records (below) unless {@code --lincheck=none}; needs 2 CPUs.</li>
 *   <li>Runs one JCStress process per set of kinds whose budgets give the same JCStress options
 *       (options are global to a process): today races, the calibration test and the sample-cost
 *       tests in one (they are of the calibration's kind, with the races' budget by definition), litmus and atomicity together in
 *       another ({@code SuiteEngine.processes}). The watchdog's polls also time each test VM
 *       ({@link dev.pageflags.stress.harness.ForkLog}).</li>
 *   <li>Grades every test ({@link dev.pageflags.stress.harness.Grader}) from JCStress's binary result
 *       file, read with JCStress's own classes, and writes {@code summary.md}, {@code summary.json},
 *       {@code litmus.md}, JCStress's HTML (races at the top, the other process's in a folder named after
 *       its kinds, e.g. {@code litmus-atomicity/}) and each process's output.</li>
 * </ol>
 *
 * <h2>Grading: declared bad states only</h2>
 * A test names each bad end state by id; {@code bad} is the samples in those states. Any sample in a
 * FORBIDDEN state, named or the catch-all's, or one JCStress could not grade, fails the test whatever
 * its kind. Then:
 * <ul>
 *   <li>{@code @RaceVariant} BROKEN: bad state declared ACCEPTABLE_INTERESTING, must be seen:
 *       reproduced / not-reproduced. FIXED: declared FORBIDDEN, never seen: held. Claim
 *       SAFE_BY_COHERENCE: FORBIDDEN, never seen: safe-by-coherence. With {@code arch} (e.g.
 *       {@code {"aarch64"}}): graded so only where {@code os.arch} is one of them; elsewhere not-run
 *       with "runs only on aarch64: " and the annotation's {@code archReason}, never handed to JCStress,
 *       a skipped Failsafe case (race 003's set_bit variant: x86's locked RMW would hide its race).</li>
 *   <li>{@code @LitmusTest} LKMM Never: the exists-state is FORBIDDEN: held. Sometimes + x86 Allowed:
 *       declared ACCEPTABLE_INTERESTING, must be observed when {@code os.arch} is amd64/x86_64
 *       (observed / not-observed), elsewhere reported with no verdict. Sometimes + x86 Forbidden:
 *       reported as "allowed, not reachable on x86" (not-on-x86), no verdict, no failure. More threads
 *       than CPUs: not-run ("needs N CPUs, not run"), no failure.</li>
 *   <li>{@code @AtomicityPair} atomic: lost-update states FORBIDDEN: held. Non-atomic: lost-update
 *       states ACCEPTABLE_INTERESTING, must be seen: observed / not-observed. toughOnly pairs run only
 *       under {@code -Dstress.budget=tough} (not-run otherwise).</li>
 *   <li>{@code @Calibration}: nothing to see or not to see: measured, unless it took no samples
 *       (error) or one outside its declared states (failed). Never given a second run.</li>
 *   <li>{@code @SampleCostOf}: graded as the calibration test is, and failed by its named FORBIDDEN
 *       state too (a world judged unlike an untouched one; a serial order ending bad).</li>
 * </ul>
 *
 * <h2>Sampling rate, CPUs and time</h2>
 * {@link dev.pageflags.stress.harness.SamplingRates} reads each test's samples per second against the
 * calibration test's of the same run ("0.31x"); summary.md flags a race test below
 * {@code SamplingRates.RACE_FLOOR} (0.25x), and says so when the run has no calibration rate. A
 * Termination-mode test gets no ratio (its sample is a thread run to its end). Beside it, from
 * JCStress's result file, the CPUs its scheduler reserved for each test VM ({@code TestConfig.cpuMap}:
 * {@code allocatedThreads}, and {@code actorThreads} when it pins actors, which {@code -af NONE} does
 * not); and, measured by the runner because JCStress keeps no time per test, the test VMs' lifetimes
 * (each VM's test is read from the compiler-directives file JCStress writes for it), and per JCStress
 * process its wall time and the most test VMs seen running at once (JCStress packs tests side by side
 * where the CPUs allow).
 *
 * <p>"Where a race sample's time goes" ({@link dev.pageflags.stress.harness.SampleCostTable}): for each
 * race variant a {@code @SampleCostOf} pair takes apart, its rate beside the rate of its world alone
 * (both actors idle) and of its two paths on one thread, and the bound of
 * {@link dev.pageflags.stress.harness.SampleCosts}: the rate it would reach had its world cost no more
 * than the calibration's state, 1 / (t_race - t_worldOnly + t_calibration) with t = 1/rate (a JCStress
 * iteration's phases run one after another, so times per sample add). A race whose bound is under the
 * floor cannot be brought to it by cheaper construction alone; summary.md lists them.
 *
 * <h2>A second run for a state not seen</h2>
 * A test whose declared state must be seen (a broken race, an x86-reachable litmus state, a non-atomic
 * pair) and was not is run once more, alone with the others that missed, in a JCStress process of the
 * same budget whose files are named {@code -second-run}; its verdict is the second run's, and its reason
 * says how many samples the first one had. Missing a state is chance: a test VM starved by a busy machine
 * can take a few thousand samples where a quiet run takes millions. A FORBIDDEN state is
 * never chance, and is never run again.
 *
 * <h2>Budgets per kind</h2>
 * {@link dev.pageflags.stress.harness.Budget} holds, per budget, a
 * {@code Sampling(msPerTest, iterationMs)} for each {@link dev.pageflags.stress.harness.TestKind}: today
 * races (and the calibration test, always theirs) 8 s (default) / 2 s (quick), litmus and atomicity 1 s
 * in both. JCStress runs one JVM
 * configuration (two on JDK 17, which still has biased locking: the iterations are halved there).
 *
 * <h2>Deadlines: a hung test is killed, the others still report</h2>
 * JCStress 0.16 waits for a forked test VM for ever, so a model that hangs (a broken spin lock)
 * would hang the build. {@link dev.pageflags.stress.harness.ForkWatchdog} watches the JCStress process's
 * descendants whose command line runs {@code org.openjdk.jcstress.ForkedMain} and kills one that runs
 * past its deadline: 2 x its sampling time + 30 s, and its sampling time + 15 s once a fork of the same
 * process has hung. JCStress then records that fork as a VM error ({@code [VM ERROR] test}, "Failed with
 * error code 137") and goes on with the remaining tests in the same process; the runner ties the kill
 * to the next non-OK result line and grades that test {@code error: hung}. One JCStress process for the
 * whole run has its own deadline (3 x the estimate + 3 min); past it the process tree is killed and the
 * tests without a result are graded hung. Surefire and Failsafe have fork timeouts on top.
 *
 * <p>Why not one JCStress process per test: JCStress's start-up (CPU burn-in, some twenty probes of
 * the target VM, VM-configuration probes) runs before the first fork, seconds each time; paid once
 * per test it would cost more than the sampling of the whole litmus set.
 *
 * <h2>Lincheck records</h2>
 * The Lincheck checks (Surefire, test phase) write {@code target/lincheck/verdicts.json}:
 * <pre>
 * {"runId": "&lt;pf.runId&gt;", "jvm": "&lt;text&gt;", "records": [
 *   {"test": "dev.pageflags.stress.Race000_MlockWithoutPageLock$Broken", (Class.getName())
 *    "verdict": "violation-found" | "no-violation-in-bound" | "not-applicable" | "failed",
 *    "invocations": &lt;int, interleavings explored&gt;, "bound": &lt;int, configured maximum&gt;,
 *    "complete": &lt;bool&gt;, "trace": "&lt;path relative to results/&gt;" | null, "note": "&lt;text&gt;"} ]}
 * </pre>
 * {@link dev.pageflags.stress.harness.LincheckVerdicts} reads it with Gson; a missing file, another
 * run's id or a record off this shape is an error naming the file (exit 3, every test an error).
 * Each record joins the row of its JCStress test ('$' read as '.'); summary.json carries it as
 * {@code lincheck: {verdict, invocations, bound, complete, trace, note}}.
 *
 * <h2>summary.json</h2>
 * {@code tests[]}: {@code test, kind, seed, variant, samples, bad, verdict, ratePerMillion,
 * samplesPerSecond, samplingSeconds, mode, description, reason, forbidden, jvmConfigs, outcomes[],
 * lincheck, rateVsCalibration, belowRateFloor, actors, cpus, cpuSlots, actorsPinned, vmForks,
 * vmSeconds}; {@code litmus[]}: {@code litmus, path, test, lkmm, x86, samples, observed, grade};
 * {@code atomicity[]}: {@code pair, test, atomic, samples, lostUpdates, lostUpdatesPerMillion, grade};
 * {@code machine} ({@link dev.pageflags.machine.MachineInfo}, the same facts the benchmark's
 * machine.md prints); {@code budget} (with {@code byKind}); {@code runId}; {@code problem};
 * {@code calibration}: {@code test, samplesPerSecond, raceFloor, belowFloor[], problem};
 * {@code processes[]}: {@code label, tests, wallSeconds, maxConcurrentForks, unattributedVmSeconds};
 * {@code sampleCost}: {@code rows[]} ({@code raceTest, race, worldOnly, oneThread} each with
 * {@code test, verdict, samplesPerSecond, rateVsCalibration} or null, {@code boundVsCalibration,
 * boundBelowRateFloor}), {@code boundBelowFloor[], racesWithoutSampleCostTests[], note};
 * {@code notes}: what the added figures mean. Fields are only added, never renamed.
 *
 * <h2>The runner's own tests</h2>
 * {@code StressSuiteRunnerTest} runs the engine on the real test catalog with a shell script in
 * JCStress's place ({@code FakeJCStress}): exit codes 0-3, one CPU, a hung fork, a hung JCStress, a
 * missing result file, a non-zero JCStress exit, stale Lincheck records. Every wait is bounded by a
 * preemptive {@code @Timeout}.
 */
package dev.pageflags.stress.harness;
