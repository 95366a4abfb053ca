package dev.pageflags.machine;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MachineInfoTest {
    private static final List<String> TWO_CORES = List.of("processor\t: 0", "model name\t: AMD EPYC",
            "cpu MHz\t\t: 2596.158", "siblings\t: 2", "cpu cores\t: 2", "processor\t: 1", "model name\t: AMD EPYC");
    private static final List<String> ONE_CORE_TWO_THREADS = List.of("model name : Intel Xeon", "siblings : 2",
            "cpu cores : 1");

    @Test
    void cpuModelAndClockComeFromProcCpuinfo() {
        assertEquals(Optional.of("AMD EPYC"), MachineInfo.cpuModel(TWO_CORES));
        assertEquals(Optional.of(2596.158), MachineInfo.cpuMhz(TWO_CORES));
        assertEquals(Optional.of("Neoverse"), MachineInfo.cpuModel(List.of("processor : 0", "Hardware : Neoverse")));
        assertEquals(Optional.empty(), MachineInfo.cpuModel(List.of("processor : 0")));
    }

    @Test
    void threadsPerCoreFromSiblingsOrTopology() {
        assertEquals(1, MachineInfo.threadsPerCore(TWO_CORES, List.of()));
        assertEquals(2, MachineInfo.threadsPerCore(ONE_CORE_TWO_THREADS, List.of()));
        assertEquals(2, MachineInfo.threadsPerCore(List.of(), List.of("0,4")));
        assertEquals(2, MachineInfo.threadsPerCore(List.of(), List.of("0-1")));
        assertEquals(0, MachineInfo.threadsPerCore(List.of(), List.of()));
    }

    @Test
    void theFactsNameSharedCores() {
        MachineInfo m = new MachineInfo(2, "Intel Xeon", "amd64", 2, null, "Vendor", "17.0.1", "VM", 17, "Linux", "6.1");
        assertTrue(m.facts().get("Threads per core").contains("share a core"));
        assertEquals("unknown", m.facts().get("CPU MHz"));
        assertTrue(m.isX86());
        assertEquals(Boolean.TRUE, m.vcpusShareCore());
    }

    @Test
    void theHypervisorFlagIsReadFromX86CpuFlags() {
        assertEquals(Boolean.TRUE, MachineInfo.hypervisor(List.of("flags\t\t: fpu vme hypervisor lahf_lm")));
        assertEquals(Boolean.FALSE, MachineInfo.hypervisor(List.of("flags\t\t: fpu vme lahf_lm")));
        assertEquals(null, MachineInfo.hypervisor(List.of("Features\t: fp asimd")), "arm64 has no such flag");
        MachineInfo vm = new MachineInfo(2, "AMD EPYC", "amd64", 1, 2596.0, "V", "17", "VM", 17, "Linux", "6.1", true);
        assertEquals("yes (the CPU flag `hypervisor`)", vm.facts().get("Hypervisor"));
        assertTrue(vm.facts().get("Threads per core").contains("as the hypervisor presents them"));
        assertEquals("unknown", new MachineInfo(2, "X", "amd64", 1, null, "V", "17", "VM", 17, "Linux", "6.1")
                .facts().get("Hypervisor"));
    }

    @Test
    void probingThisMachineGivesItsJvm() {
        MachineInfo m = MachineInfo.probe(1);
        assertEquals(1, m.cpus());
        assertEquals(Runtime.version().feature(), m.jvmFeature());
    }
}
