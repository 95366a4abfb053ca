package dev.pageflags.machine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The machine and JVM a run measured. Race rates and nanosecond figures mean little without them,
 * and the stress and benchmark reports must describe the same machine in the same words, so both
 * take it from here. Pure JDK: it reads {@code /proc} and system properties and nothing else.
 *
 * @param cpus           CPUs this JVM may use ({@code availableProcessors})
 * @param cpuModel       the CPU's name from {@code /proc/cpuinfo}, or null when unreadable
 * @param threadsPerCore hardware threads per core (2 when two vCPUs are siblings of one core), 0 if unknown
 * @param cpuMhz         the clock the kernel reports for CPU 0, or null when unreadable
 * @param jvmFeature     the JDK feature release (17, 25, ...)
 * @param hypervisor     true when the CPU flags say a hypervisor runs this machine (x86's
 *                       {@code hypervisor} flag), false when an x86 flag list lacks it, null when
 *                       there is no such list (other architectures, or unreadable)
 */
public record MachineInfo(int cpus, String cpuModel, String arch, int threadsPerCore, Double cpuMhz,
                          String jvmVendor, String jvmVersion, String jvmName, int jvmFeature,
                          String osName, String osVersion, Boolean hypervisor) {

    /** A machine whose hypervisor is unknown (descriptions made before it was recorded, tests). */
    public MachineInfo(int cpus, String cpuModel, String arch, int threadsPerCore, Double cpuMhz,
                       String jvmVendor, String jvmVersion, String jvmName, int jvmFeature,
                       String osName, String osVersion) {
        this(cpus, cpuModel, arch, threadsPerCore, cpuMhz, jvmVendor, jvmVersion, jvmName, jvmFeature,
                osName, osVersion, null);
    }

    private static final Path CPUINFO = Path.of("/proc/cpuinfo");
    private static final Path CPU0_SIBLINGS = Path.of("/sys/devices/system/cpu/cpu0/topology/thread_siblings_list");

    /** This JVM's machine, with the CPU count the JVM sees. */
    public static MachineInfo probe() {
        return probe(Runtime.getRuntime().availableProcessors());
    }

    /** This JVM's machine, with a CPU count given by the caller (tests pretend to be smaller machines). */
    public static MachineInfo probe(int cpus) {
        List<String> cpuinfo = readLines(CPUINFO);
        return new MachineInfo(
                cpus,
                cpuModel(cpuinfo).orElse(null),
                System.getProperty("os.arch"),
                threadsPerCore(cpuinfo, readLines(CPU0_SIBLINGS)),
                cpuMhz(cpuinfo).orElse(null),
                System.getProperty("java.vm.vendor"),
                System.getProperty("java.runtime.version", System.getProperty("java.version")),
                System.getProperty("java.vm.name"),
                Runtime.version().feature(),
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                hypervisor(cpuinfo));
    }

    /** True when two of this machine's CPUs are hyperthreads of one core; null when unknown. */
    public Boolean vcpusShareCore() {
        return threadsPerCore == 0 ? null : threadsPerCore > 1;
    }

    /** x86-64 under either of its names (HotSpot says amd64, other JVMs x86_64). */
    public boolean isX86() {
        return "amd64".equals(arch) || "x86_64".equals(arch);
    }

    /**
     * The facts as label and text, in the order every report prints them: the stress summary and the
     * benchmark's machine.md render these same rows.
     */
    public Map<String, String> facts() {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("CPU", cpuModel == null ? "unknown" : cpuModel);
        rows.put("CPUs", Integer.toString(cpus));
        rows.put("Threads per core", threadsPerCore == 0 ? "unknown"
                : threadsPerCore + (threadsPerCore > 1 ? " (vCPUs share a core)"
                : Boolean.TRUE.equals(hypervisor)
                ? " (no two vCPUs share a core as the hypervisor presents them; the host may still place two on one core)"
                : " (no two vCPUs share a core)"));
        rows.put("Hypervisor", hypervisor == null ? "unknown"
                : hypervisor ? "yes (the CPU flag `hypervisor`)" : "none (no `hypervisor` CPU flag)");
        rows.put("CPU MHz", cpuMhz == null ? "unknown" : String.format(Locale.ROOT, "%.0f", cpuMhz));
        rows.put("Architecture", arch);
        rows.put("JVM", jvmVendor + " " + jvmName + " " + jvmVersion + " (feature " + jvmFeature + ")");
        rows.put("OS", osName + " " + osVersion);
        return rows;
    }

    /** The "model name" line (x86) or, failing that, "Hardware"/"uarch"/"cpu model" (other kernels). */
    static Optional<String> cpuModel(List<String> cpuinfo) {
        for (String key : List.of("model name", "Hardware", "uarch", "cpu model")) {
            Optional<String> value = value(cpuinfo, key);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    /** x86's "flags" line names {@code hypervisor} under a hypervisor; other kernels print no such flag. */
    static Boolean hypervisor(List<String> cpuinfo) {
        return value(cpuinfo, "flags").map(f -> List.of(f.split("\\s+")).contains("hypervisor")).orElse(null);
    }

    static Optional<Double> cpuMhz(List<String> cpuinfo) {
        try {
            return value(cpuinfo, "cpu MHz").map(Double::valueOf);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Threads per core: /proc/cpuinfo's "siblings" (threads per package) over "cpu cores" (cores per
     * package) where the kernel prints them; otherwise the length of CPU 0's thread_siblings_list.
     * A VM may hide its topology entirely: 0, unknown.
     */
    static int threadsPerCore(List<String> cpuinfo, List<String> cpu0Siblings) {
        Optional<Integer> siblings = value(cpuinfo, "siblings").flatMap(MachineInfo::integer);
        Optional<Integer> cores = value(cpuinfo, "cpu cores").flatMap(MachineInfo::integer);
        if (siblings.isPresent() && cores.isPresent() && cores.get() > 0) {
            return Math.max(1, siblings.get() / cores.get());
        }
        if (!cpu0Siblings.isEmpty() && !cpu0Siblings.get(0).isBlank()) {
            return countCpus(cpu0Siblings.get(0).trim());
        }
        return 0;
    }

    /** Counts the CPUs of a kernel CPU list such as "0,4" or "0-1". */
    static int countCpus(String list) {
        int n = 0;
        for (String part : list.split(",")) {
            String[] range = part.trim().split("-");
            try {
                n += range.length == 2 ? Integer.parseInt(range[1]) - Integer.parseInt(range[0]) + 1 : 1;
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return n;
    }

    private static Optional<Integer> integer(String s) {
        try {
            return Optional.of(Integer.parseInt(s.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> value(List<String> lines, String key) {
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
                String value = line.substring(colon + 1).trim();
                if (!value.isEmpty()) {
                    return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            // Not Linux, or hidden from us: the fields it would give stay unknown.
            return List.of();
        }
    }
}
