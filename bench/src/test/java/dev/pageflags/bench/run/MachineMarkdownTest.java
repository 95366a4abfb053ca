package dev.pageflags.bench.run;

import dev.pageflags.machine.MachineInfo;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MachineMarkdownTest {
    private static final MachineInfo VM = new MachineInfo(2, "AMD EPYC", "amd64", 1, 2596.158, "Debian",
            "17.0.15", "OpenJDK 64-Bit Server VM", 17, "Linux", "6.1", true);

    @Test
    void theRunsMachineNamesCoresClockHypervisorCountersDisassemblyAndBlackholes() {
        BenchHost host = new BenchHost("not available: perf stat -e instructions says <not supported>", "KVM",
                "HotSpot's bytes are decoded by /usr/bin/objdump; hsdis: none", "compiler (auto-detected, ...)");
        String md = new MachineMarkdown(VM, () -> host).render("-f 2", "");
        assertTrue(md.contains("| Threads per core | 1 (no two vCPUs share a core as the hypervisor presents them;"), md);
        assertTrue(md.contains("| CPU MHz | 2596 |"), md);
        assertTrue(md.contains("| Hypervisor | yes (the CPU flag `hypervisor`) |"), md);
        assertTrue(md.contains("| Hypervisor vendor (lscpu) | KVM |"), md);
        assertTrue(md.contains("| Hardware performance counters | not available: perf stat -e instructions says <not supported> |"), md);
        assertTrue(md.contains("| Assembly excerpts (asm/) | HotSpot's bytes are decoded by /usr/bin/objdump; hsdis: none |"), md);
        assertTrue(md.contains("| JMH blackhole mode | compiler (auto-detected, ...) |"), md);
        assertTrue(md.contains("| JMH settings | `-f 2` |"), md);
    }

    @Test
    void withoutAnLscpuVendorThatRowIsLeftOut() {
        BenchHost host = new BenchHost("available", null, "x", "full + dont-inline hint (fallback, ...)");
        assertFalse(new MachineMarkdown(VM, () -> host).render("", "").contains("Hypervisor vendor"));
    }

    @Test
    void perfStatsCsvSaysWhetherCountersExist() {
        assertTrue(BenchHost.perfCounters(0, List.of("<not supported>,,instructions,0,100.00,,"))
                .startsWith("not available: perf stat -e instructions says <not supported>"));
        assertTrue(BenchHost.perfCounters(0, List.of("", "1234567,,instructions:u,452100,100.00,,"))
                .startsWith("available: perf stat counted instructions"));
        assertEquals("not available: perf stat failed (exit 255): Error: No permission",
                BenchHost.perfCounters(255, List.of("", "Error: No permission")));
    }

    @Test
    void lscpuAndJmhLinesAreRead() {
        assertEquals(Optional.of("KVM"), BenchHost.lscpuValue(List.of("Model name:  AMD EPYC",
                "Hypervisor vendor:                       KVM"), "Hypervisor vendor"));
        assertEquals(Optional.empty(), BenchHost.lscpuValue(List.of("Model name:  AMD EPYC"), "Hypervisor vendor"));
        assertEquals("compiler (auto-detected, use -Djmh.blackhole.autoDetect=false to disable)",
                BenchHost.blackholeMode(List.of("# Blackhole mode: compiler (auto-detected, use"
                        + " -Djmh.blackhole.autoDetect=false to disable)")));
        assertTrue(BenchHost.blackholeMode(List.of()).startsWith("unknown"));
    }

    @Test
    void jmhNamesThisJvmsBlackholeMode() {
        String mode = BenchHost.probeBlackholeMode();
        assertTrue(mode.startsWith("compiler") || mode.startsWith("full"), mode);
    }
}
