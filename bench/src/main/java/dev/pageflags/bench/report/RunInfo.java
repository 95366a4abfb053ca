package dev.pageflags.bench.report;

/**
 * What a JMH result file says about the run: the JVM it measured and the iteration settings,
 * taken from its first result (JMH repeats them in every entry).
 */
public record RunInfo(String jmhVersion, String jdkVersion, String vmName, String vmVersion, int forks,
                      int warmupIterations, String warmupTime, int measurementIterations,
                      String measurementTime) {

    /** The JVM in one line, e.g. "OpenJDK 64-Bit Server VM 17.0.15+6-Debian-1deb12u1". */
    public String jvm() {
        return vmName + " " + vmVersion;
    }

    /** The iteration settings in JMH's own option spelling. */
    public String settings() {
        String warmup = warmupIterations == 0 ? " -wi 0" : " -wi " + warmupIterations + " -w " + warmupTime.replace(" ", "");
        return "-f " + forks + warmup + " -i " + measurementIterations + " -r " + measurementTime.replace(" ", "");
    }

    /** No warm-up and at most one measured iteration: a run that proves the benchmarks run, nothing more. */
    public boolean isSmoke() {
        return warmupIterations == 0 && measurementIterations <= 1;
    }

    static RunInfo unknown() {
        return new RunInfo("?", "?", "?", "?", 0, 0, "?", 0, "?");
    }
}
