package dev.pageflags.stress.harness;

import java.util.List;

/**
 * What one test's run took besides its samples: the CPUs JCStress set aside for its test VMs, and how
 * long those VMs ran. JCStress 0.16 records the first (each result's CPU map) but no time per test, so
 * the runner measures the second from outside ({@link ForkLog}).
 *
 * @param cpus         CPUs JCStress's scheduler reserved for one of the test's VMs (the most over its
 *                     forks; one per actor); 0 when the result file had no CPU map
 * @param cpuSlots     which ones, in JCStress's own numbering of the machine's CPUs, over all the forks
 * @param actorsPinned whether JCStress bound each actor thread to one of them ({@code -af LOCAL}); under
 *                     {@code -af NONE}, the suite's setting, the reservation only keeps packed tests apart
 * @param forks        the test's VMs the runner saw run; 0 when it saw none (not measured)
 * @param vmSeconds    their lifetimes, summed: VM start-up, sampling and exit
 */
public record TestResources(int cpus, List<Integer> cpuSlots, boolean actorsPinned, int forks, double vmSeconds) {

    public static final TestResources UNKNOWN = new TestResources(0, List.of(), false, 0, 0);

    public TestResources {
        cpuSlots = List.copyOf(cpuSlots);
    }

    /** The CPU reservation as the result file gave it, with the VM time the runner measured. */
    public TestResources withVms(int forks, double vmSeconds) {
        return new TestResources(cpus, cpuSlots, actorsPinned, forks, vmSeconds);
    }

    /** A second run's resources with the first run's VMs added: the test took both. */
    public TestResources plusVmsOf(TestResources first) {
        return new TestResources(cpus, cpuSlots, actorsPinned, forks + first.forks, vmSeconds + first.vmSeconds);
    }

    public boolean cpusKnown() {
        return cpus > 0;
    }

    public boolean vmTimeMeasured() {
        return forks > 0;
    }
}
