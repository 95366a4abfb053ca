package dev.pageflags.stress.harness;

import dev.pageflags.machine.MachineInfo;

/**
 * What the suite takes from the world: the machine (its CPU count can be pretended smaller), how
 * JCStress is started and where its results are read. Tests replace any of them.
 */
public record SuiteEnvironment(MachineInfo machine, JCStressCommand command, ResultSource results) {

    public static SuiteEnvironment real() {
        return new SuiteEnvironment(MachineInfo.probe(), JCStressCommand.real(), ResultSource.jcstress());
    }
}
