package dev.pageflags.stress.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The forked test VMs of one JCStress process, as the runner sees them from outside: the test each
 * ran, when it started, when it was last seen alive, and how many ran at once. JCStress 0.16 keeps no
 * time per test; this is where the summary's VM seconds per test come from.
 *
 * <p>A fork's test is read from the compiler-directives file JCStress writes for it (named by
 * {@code -XX:CompilerDirectivesFile=} on its command line): it names the test class's actor methods
 * ({@code "+dev.pageflags.stress.Race000_X$Broken::reclaim"}). A fork whose file cannot be read or
 * names no test class counts as unattributed. Its end is the last poll that saw it alive, so each
 * fork's time is short by up to one poll period ({@link ForkWatchdog#PERIOD_MS}).
 */
final class ForkLog {
    static final String DIRECTIVES_OPTION = "-XX:CompilerDirectivesFile=";
    /** A directive on one of the test class's methods; JCStress's own classes are skipped. */
    private static final Pattern METHOD_DIRECTIVE = Pattern.compile("\"[+-]([\\w.$]+)::\\w+\"");
    private static final String JCSTRESS_PACKAGE = "org.openjdk.jcstress.";

    /** One VM: its test (a JCStress test name, '$' read as '.'), or null when unknown. */
    private static final class Fork {
        final String test;
        final Instant start;
        Instant lastSeen;

        Fork(String test, Instant start, Instant lastSeen) {
            this.test = test;
            this.start = start;
            this.lastSeen = lastSeen;
        }

        double seconds() {
            return Math.max(0, Duration.between(start, lastSeen).toNanos() / 1e9);
        }
    }

    /** What the forks of one test took: how many there were and their lifetimes summed. */
    record VmTime(int forks, double seconds) {
    }

    private final Map<Long, Fork> forks = new LinkedHashMap<>();
    private int maxConcurrent;

    /** One poll: {@code alive} are the fork VMs running at {@code now}. */
    synchronized void observe(List<ProcessHandle> alive, Instant now) {
        maxConcurrent = Math.max(maxConcurrent, alive.size());
        for (ProcessHandle p : alive) {
            Fork f = forks.computeIfAbsent(p.pid(), pid -> new Fork(testOf(p).orElse(null),
                    p.info().startInstant().orElse(now), now));
            f.lastSeen = now;
        }
    }

    /** VM count and seconds per test name. */
    synchronized Map<String, VmTime> byTest() {
        Map<String, VmTime> out = new LinkedHashMap<>();
        for (Fork f : forks.values()) {
            if (f.test != null) {
                out.merge(f.test, new VmTime(1, f.seconds()),
                        (a, b) -> new VmTime(a.forks() + b.forks(), a.seconds() + b.seconds()));
            }
        }
        return out;
    }

    /** The most fork VMs seen alive in one poll: above 1, JCStress ran tests side by side. */
    synchronized int maxConcurrent() {
        return maxConcurrent;
    }

    /** Seconds of forks whose test could not be told. */
    synchronized double unattributedSeconds() {
        return forks.values().stream().filter(f -> f.test == null).mapToDouble(Fork::seconds).sum();
    }

    private static Optional<String> testOf(ProcessHandle p) {
        List<String> args = p.info().arguments().map(List::of).orElse(List.of());
        for (String arg : args) {
            if (arg.startsWith(DIRECTIVES_OPTION)) {
                try {
                    return testIn(Files.readString(Path.of(arg.substring(DIRECTIVES_OPTION.length())),
                            StandardCharsets.UTF_8));
                } catch (IOException | RuntimeException gone) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** The test class a directives file names, as a JCStress test name, or empty. */
    static Optional<String> testIn(String directives) {
        Matcher m = METHOD_DIRECTIVE.matcher(directives);
        List<String> classes = new ArrayList<>();
        while (m.find()) {
            if (!m.group(1).startsWith(JCSTRESS_PACKAGE)) {
                classes.add(m.group(1));
            }
        }
        return classes.stream().distinct().count() == 1 ? Optional.of(classes.get(0).replace('$', '.'))
                : Optional.empty();
    }
}
