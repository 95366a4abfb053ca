package dev.pageflags.stress.harness;

/**
 * One JCStress process of a run, as the runner timed it.
 *
 * @param label                 its files' name: "races", "litmus-atomicity", with "-second-run" for a second run
 * @param tests                 tests handed to it
 * @param wallSeconds           from its start to its exit, JCStress's own start-up (CPU burn-in, VM probes) included
 * @param maxConcurrentForks    the most test VMs seen running at once: 1 where each test takes all CPUs, more
 *                              where JCStress packs tests side by side
 * @param unattributedVmSeconds VM time of forks whose test the runner could not tell (see {@link ForkLog})
 */
public record ProcessRun(String label, int tests, double wallSeconds, int maxConcurrentForks,
                         double unattributedVmSeconds) {
}
