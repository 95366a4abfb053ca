package dev.pageflags.stress.harness;

import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.infra.Status;
import org.openjdk.jcstress.infra.collectors.DiskReadCollector;
import org.openjdk.jcstress.infra.collectors.TestResult;
import org.openjdk.jcstress.infra.grading.GradingResult;
import org.openjdk.jcstress.infra.grading.ReportUtils;
import org.openjdk.jcstress.infra.grading.TestGrading;
import org.openjdk.jcstress.infra.runners.TestConfig;
import org.openjdk.jcstress.os.CPUMap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads the {@code jcstress-results-*.bin.gz} a JCStress run leaves in its working directory, with
 * JCStress's own classes, and grades each test's states with JCStress's own grading.
 */
public final class ResultFileReader {
    private static final String PREFIX = "jcstress-results-";
    private static final String SUFFIX = ".bin.gz";

    private ResultFileReader() {
    }

    /** The newest result file in the directory, if a run left one. */
    public static Optional<Path> newestResultFile(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(ResultFileReader::isResultFile)
                    .max(Comparator.comparing((Path p) -> p.toFile().lastModified()).thenComparing(Path::toString));
        }
    }

    static boolean isResultFile(Path p) {
        String n = p.getFileName().toString();
        return n.startsWith(PREFIX) && n.endsWith(SUFFIX);
    }

    /** Test name to its record, merged over forks and JVM configurations. */
    public static Map<String, TestRun> read(Path file) throws IOException {
        List<TestResult> raw = new ArrayList<>();
        DiskReadCollector collector = new DiskReadCollector(file.toString(), raw::add);
        try {
            collector.dump();
        } catch (ClassNotFoundException e) {
            throw new IOException("JCStress result file " + file + " names a class this jar lacks: " + e.getMessage(), e);
        } finally {
            collector.close();
        }
        Map<String, List<TestResult>> byName = new LinkedHashMap<>();
        for (TestResult r : raw) {
            byName.computeIfAbsent(r.getName(), k -> new ArrayList<>()).add(r);
        }
        Map<String, TestRun> runs = new LinkedHashMap<>();
        for (Map.Entry<String, List<TestResult>> e : byName.entrySet()) {
            runs.put(e.getKey(), merge(e.getKey(), e.getValue()));
        }
        return runs;
    }

    /**
     * JCStress's grading of the merged states. A record without a configuration (a fork that died
     * early) cannot be graded that way; its states, if any, are kept ungraded (UNKNOWN).
     */
    private static List<OutcomeCount> grade(Status status, List<TestResult> results) {
        TestConfig config = results.stream().map(TestResult::getConfig).filter(c -> c != null).findFirst().orElse(null);
        TestResult merged = new TestResult(status);
        for (TestResult r : results) {
            for (String state : r.getStateKeys()) {
                merged.addState(state, r.getCount(state));
            }
        }
        List<OutcomeCount> outcomes = new ArrayList<>();
        if (config != null) {
            merged.setConfig(config);
            for (GradingResult g : TestGrading.grade(merged).gradingResults.values()) {
                outcomes.add(new OutcomeCount(g.id, g.expect, g.count, g.description));
            }
        } else {
            for (String state : merged.getStateKeys()) {
                outcomes.add(new OutcomeCount(state, Expect.UNKNOWN, merged.getCount(state), "not graded"));
            }
        }
        return outcomes;
    }

    private static TestRun merge(String name, List<TestResult> results) {
        Status status = Status.NORMAL;
        Set<String> messages = new LinkedHashSet<>();
        Set<String> configs = new LinkedHashSet<>();
        double samplingSeconds = 0;
        List<CPUMap> cpuMaps = new ArrayList<>();
        for (TestResult r : results) {
            status = status.combine(r.status());
            r.getMessages().stream().filter(m -> !ReportUtils.skipMessage(m)).forEach(messages::add);
            if (r.status() != Status.NORMAL) {
                messages.addAll(r.getVmErr());
            }
            TestConfig config = r.getConfig();
            if (config != null) {
                configs.add(String.join(" ", config.jvmArgs));
                samplingSeconds += config.iters * (double) config.time / 1000.0;
                if (config.cpuMap != null) {
                    cpuMaps.add(config.cpuMap);
                }
            }
        }
        return new TestRun(name, status.name(), grade(status, results), new ArrayList<>(messages), new ArrayList<>(configs),
                samplingSeconds, cpus(cpuMaps));
    }

    /**
     * The CPUs of a test's forks, from their JCStress CPU maps: {@code allocatedThreads}, the CPUs the
     * scheduler set aside for the VM, and {@code actorThreads}, the one each actor is bound to, or -1
     * when JCStress binds none ({@code -af NONE}).
     */
    static TestResources cpus(List<CPUMap> maps) {
        int cpus = 0;
        Set<Integer> slots = new TreeSet<>();
        boolean pinned = false;
        for (CPUMap map : maps) {
            cpus = Math.max(cpus, map.allocatedThreads().length);
            Arrays.stream(map.allocatedThreads()).forEach(slots::add);
            pinned |= Arrays.stream(map.actorThreads()).anyMatch(cpu -> cpu >= 0);
        }
        return new TestResources(cpus, new ArrayList<>(slots), pinned, 0, 0);
    }
}
