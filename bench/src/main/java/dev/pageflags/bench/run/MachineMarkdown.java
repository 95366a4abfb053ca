package dev.pageflags.bench.run;

import dev.pageflags.machine.MachineInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code machine.md} of a benchmark run: the shared machine description (the same rows the stress
 * summary prints), what only a timed run needs ({@link BenchHost}: counters, disassembly, JMH's
 * blackhole mode), then when it ran, its JMH settings, and the load before and after, since a shared
 * machine's other work shows up in every figure.
 */
final class MachineMarkdown {
    private final MachineInfo machine;
    private final Supplier<BenchHost> host;
    private final Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final String loadAtStart = loadAverage();

    MachineMarkdown() {
        this(MachineInfo.probe(), BenchHost::probe);
    }

    /** The host facts are probed when rendering: after the run, JMH has settled its blackhole mode. */
    MachineMarkdown(MachineInfo machine, Supplier<BenchHost> host) {
        this.machine = machine;
        this.host = host;
    }

    String render(String settings, String note) {
        Instant end = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        StringBuilder md = new StringBuilder("# Machine of this run\n\n");
        md.append("| | |\n|---|---|\n");
        for (Map.Entry<String, String> fact : machine.facts().entrySet()) {
            row(md, fact.getKey(), fact.getValue());
        }
        for (Map.Entry<String, String> fact : host.get().rows().entrySet()) {
            row(md, fact.getKey(), fact.getValue());
        }
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

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f.length >= 4 ? f[0] + " / " + f[1] + " / " + f[2] + ", " + f[3] : "?";
        } catch (IOException e) {
            return "?";
        }
    }
}
