package dev.pageflags.bench.run;

import org.openjdk.jmh.runner.CompilerHints;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a timed run adds to the shared machine description: the facts that decide how far its
 * figures and its evidence go. Whether hardware counters exist (JMH's {@code -prof perfasm} needs
 * them), how compiled code can be read (the assembly step), the hypervisor's name where
 * {@code lscpu} knows it, and JMH's blackhole mode, which changes what a consumed value costs.
 */
record BenchHost(String perfCounters, String hypervisorVendor, String disassembly, String blackholeMode) {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);
    private static final String BLACKHOLE_LINE = "# Blackhole mode: ";

    static BenchHost probe() {
        return new BenchHost(probePerfCounters(), probeHypervisorVendor().orElse(null),
                AsmToolchain.probe(Path.of(System.getProperty("java.home"))).describe(), probeBlackholeMode());
    }

    /** Rows for machine.md, in order; the hypervisor's name only where lscpu gave one. */
    Map<String, String> rows() {
        Map<String, String> rows = new LinkedHashMap<>();
        if (hypervisorVendor != null) {
            rows.put("Hypervisor vendor (lscpu)", hypervisorVendor);
        }
        rows.put("Hardware performance counters", perfCounters);
        rows.put("Assembly excerpts (asm/)", disassembly);
        rows.put("JMH blackhole mode", blackholeMode);
        return rows;
    }

    /** {@code perf stat -e instructions true}: a count means counters; the JMH profiler perfasm needs them. */
    static String probePerfCounters() {
        Optional<Path> perf = NativeFloorRunner.onPath("perf");
        if (perf.isEmpty()) {
            return "unknown: no perf on PATH, so JMH's -prof perfasm cannot run here";
        }
        return Command.tryRun(List.of(perf.get().toString(), "stat", "-x,", "-e", "instructions", "true"), PROBE_TIMEOUT)
                .map(o -> perfCounters(o.exit(), o.lines()))
                .orElse("unknown: perf stat did not run");
    }

    /** Reads {@code perf stat -x,} output: its first field is the count, or why there is none. */
    static String perfCounters(int exit, List<String> lines) {
        for (String line : lines) {
            String[] f = line.split(",", -1);
            if (f.length > 2 && f[2].startsWith("instructions")) {
                if (f[0].matches("\\d+")) {
                    return "available: perf stat counted instructions, so JMH's -prof perfasm can attribute cycles"
                            + " to instructions";
                }
                return "not available: perf stat -e instructions says " + f[0] + ", so JMH's -prof perfasm"
                        + " cannot count here; the assembly excerpts come from PrintAssembly alone";
            }
        }
        return "not available: perf stat failed (exit " + exit + ")"
                + lines.stream().filter(l -> !l.isBlank()).findFirst().map(l -> ": " + l.strip()).orElse("");
    }

    static Optional<String> probeHypervisorVendor() {
        return NativeFloorRunner.onPath("lscpu")
                .flatMap(p -> Command.tryRun(List.of(p.toString()), PROBE_TIMEOUT))
                .flatMap(o -> lscpuValue(o.lines(), "Hypervisor vendor"));
    }

    static Optional<String> lscpuValue(List<String> lines, String key) {
        return lines.stream().filter(l -> l.startsWith(key + ":")).map(l -> l.substring(key.length() + 1).strip())
                .filter(v -> !v.isEmpty()).findFirst();
    }

    /**
     * The mode JMH picks for this JVM, as JMH prints it in a run's header ("compiler (auto-detected,
     * ...)"): JMH decides it from the host JVM and the {@code jmh.blackhole.*} properties and keeps it
     * for the process, so this is the mode the run's forks used.
     */
    static String probeBlackholeMode() {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try {
            CompilerHints.printHints(new PrintStream(text, true, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return "unknown: JMH could not decide it (" + e.getMessage() + ")";
        }
        return blackholeMode(text.toString(StandardCharsets.UTF_8).lines().toList());
    }

    static String blackholeMode(List<String> jmhHints) {
        return jmhHints.stream().filter(l -> l.startsWith(BLACKHOLE_LINE)).map(l -> l.substring(BLACKHOLE_LINE.length()))
                .findFirst().orElse("unknown: JMH printed no blackhole mode");
    }
}
