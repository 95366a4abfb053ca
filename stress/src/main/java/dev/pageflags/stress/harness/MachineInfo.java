package dev.pageflags.stress.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The machine and JVM a run happened on: race rates mean little without them. */
public record MachineInfo(int cpus, String cpuModel, String jvmVendor, String jvmVersion, String jvmName,
                          int javaFeature, String osName, String osArch, String osVersion) {

    private static final Path CPUINFO = Path.of("/proc/cpuinfo");

    public static MachineInfo probe() {
        return new MachineInfo(
                Runtime.getRuntime().availableProcessors(),
                cpuModel(CPUINFO).orElse(null),
                System.getProperty("java.vm.vendor"),
                System.getProperty("java.runtime.version", System.getProperty("java.version")),
                System.getProperty("java.vm.name"),
                Runtime.version().feature(),
                System.getProperty("os.name"),
                System.getProperty("os.arch"),
                System.getProperty("os.version"));
    }

    /** The "model name" line of /proc/cpuinfo (x86) or, failing that, "Hardware"/"uarch" (some ARM kernels). */
    static Optional<String> cpuModel(Path cpuinfo) {
        try {
            return cpuModel(Files.readAllLines(cpuinfo, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static Optional<String> cpuModel(List<String> lines) {
        for (String key : List.of("model name", "Hardware", "uarch", "cpu model")) {
            for (String line : lines) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
                    String value = line.substring(colon + 1).trim();
                    if (!value.isEmpty()) {
                        return Optional.of(value);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
