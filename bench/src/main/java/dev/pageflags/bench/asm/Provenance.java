package dev.pageflags.bench.asm;

import java.util.List;

/**
 * Where an excerpt comes from, for its header: a reader must be able to rerun the capture.
 *
 * @param jvm       the JVM's name and version
 * @param javaHome  its installation
 * @param jvmFlags  the flags the capture fork ran with (besides the benchmark's own)
 * @param jmhArgs   the JMH options of the capture run
 * @param decodedBy how the instructions were obtained (hsdis, or HotSpot's bytes and a disassembler)
 */
public record Provenance(String jvm, String javaHome, List<String> jvmFlags, List<String> jmhArgs, String decodedBy) {

    public Provenance {
        jvmFlags = List.copyOf(jvmFlags);
        jmhArgs = List.copyOf(jmhArgs);
    }
}
