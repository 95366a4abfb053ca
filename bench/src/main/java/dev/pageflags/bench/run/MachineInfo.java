package dev.pageflags.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The machine a run measured, as {@code machine.md}: CPU, cores, memory, OS, JDK, date, and the
 * load before and after, since a shared machine's other work shows up in every figure.
 */
final class MachineInfo {
    private final Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final String loadAtStart = loadAverage();

    String render(String settings, String note) {
        Instant end = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        StringBuilder md = new StringBuilder("# Machine of this run\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "CPU", cpuModel());
        row(md, "Logical CPUs", String.valueOf(Runtime.getRuntime().availableProcessors()));
        row(md, "Memory", memTotal());
        row(md, "OS", osRelease() + ", kernel " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + ")");
        row(md, "JDK", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vendor") + "), " + System.getProperty("java.home"));
        row(md, "Run", start + " to " + end + " (UTC)");
        row(md, "JMH settings", "`" + settings + "`");
        row(md, "Load average (1/5/15 min, running/total tasks)", "start: " + loadAtStart + "; end: " + loadAverage());
        if (!note.isBlank()) {
            row(md, "Note", note);
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String key, String value) {
        md.append("| ").append(key).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
    }

    /** "AMD EPYC (family 25, model 1, stepping 1; 2445 MHz reported; virtual machine)". */
    static String cpuModel() {
        Optional<String> name = procLine("/proc/cpuinfo", "model name");
        if (name.isEmpty()) {
            return System.getProperty("os.arch");
        }
        String detail = "family " + procLine("/proc/cpuinfo", "cpu family").orElse("?")
                + ", model " + procLine("/proc/cpuinfo", "model\t").orElse("?")
                + ", stepping " + procLine("/proc/cpuinfo", "stepping").orElse("?")
                + "; " + procLine("/proc/cpuinfo", "cpu MHz").map(m -> m.replaceAll("\\..*", "")).orElse("?")
                + " MHz reported";
        boolean vm = procLine("/proc/cpuinfo", "flags").map(f -> f.contains(" hypervisor")).orElse(false);
        return name.get() + " (" + detail + (vm ? "; virtual machine" : "") + ")";
    }

    private static String memTotal() {
        return procLine("/proc/meminfo", "MemTotal").orElse("?");
    }

    private static String osRelease() {
        return procLine("/etc/os-release", "PRETTY_NAME").map(s -> s.replace("\"", ""))
                .orElse(System.getProperty("os.name"));
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f.length >= 4 ? f[0] + " / " + f[1] + " / " + f[2] + ", " + f[3] : "?";
        } catch (IOException e) {
            return "?";
        }
    }

    /** The value of the first {@code key: value} or {@code key=value} line of a file. */
    private static Optional<String> procLine(String file, String key) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            for (String line : lines) {
                if (line.startsWith(key)) {
                    int sep = line.indexOf(':') >= 0 ? line.indexOf(':') : line.indexOf('=');
                    if (sep > 0) {
                        return Optional.of(line.substring(sep + 1).trim());
                    }
                }
            }
        } catch (IOException e) {
            // Not Linux, or not readable: the caller falls back to a system property.
        }
        return Optional.empty();
    }
}
