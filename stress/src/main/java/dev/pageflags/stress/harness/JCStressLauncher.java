package dev.pageflags.stress.harness;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs one JCStress process, its output passed through to ours and kept in a log file, under two
 * deadlines: one per forked test VM ({@link ForkWatchdog}: a hung test is killed, JCStress records it
 * as a VM error and goes on with the rest) and one for the whole process (JCStress itself stuck).
 * A child of its own keeps the runner's JVM options out of JCStress, which copies its own JVM's
 * input arguments into every forked test VM.
 */
public final class JCStressLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(JCStressLauncher.class);

    /** JCStress's line for a finished fork: dots, the status in brackets, the test name. */
    private static final Pattern RESULT_LINE = Pattern.compile("^\\.+\\s*\\[([A-Z][A-Z _-]*)]\\s+(\\S+)\\s*$");

    /**
     * How the child ended.
     *
     * @param timedOut   the whole-process deadline ran out and the child was killed
     * @param hungTests  tests whose forked VM ran past the per-fork deadline and was killed
     * @param forks      the forked test VMs as the runner saw them: per test, and how many at once
     */
    public record Exit(int code, boolean timedOut, double wallSeconds, Set<String> hungTests, ForkLog forks) {
        public Exit {
            hungTests = Set.copyOf(hungTests);
        }
    }

    /**
     * How long things may take: one forked test VM, one forked test VM once another has hung, and the
     * whole JCStress process.
     */
    public record Deadlines(Duration fork, Duration forkAfterAHang, Duration run) {
    }

    private JCStressLauncher() {
    }

    /** The JCStress command line: budget options, then the exact test selection and the report directory. */
    public static List<String> command(Path java, Path jar, List<String> budgetArgs, List<String> testNames,
                                       Path reportDir) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(budgetArgs);
        cmd.add("-t");
        cmd.add(selectionRegex(testNames));
        cmd.add("-r");
        cmd.add(reportDir.toString());
        return cmd;
    }

    /** A regular expression that JCStress's {@code find()} matches against exactly these names and no others. */
    public static String selectionRegex(List<String> testNames) {
        return testNames.stream().map(Pattern::quote).collect(Collectors.joining("|", "^(?:", ")$"));
    }

    public static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * Runs the command in {@code workDir}, copying its output to stdout and {@code log}; kills a forked
     * test VM that runs past its deadline, and the whole tree after the run's deadline.
     */
    public static Exit run(List<String> cmd, Path workDir, Path log, Deadlines deadlines)
            throws IOException, InterruptedException {
        Duration runDeadline = deadlines.run();
        Files.createDirectories(workDir);
        Files.createDirectories(log.toAbsolutePath().getParent());
        LOG.debug("JCStress command: {}", cmd);
        long start = System.nanoTime();
        Process child = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true).start();
        Thread killer = new Thread(() -> destroyTree(child.toHandle()), "jcstress-killer");
        Runtime.getRuntime().addShutdownHook(killer);
        ForkLog forks = new ForkLog();
        ForkWatchdog watchdog = new ForkWatchdog(child.toHandle(), deadlines.fork(), deadlines.forkAfterAHang(), forks);
        Set<String> hung = new LinkedHashSet<>();
        try (BufferedWriter file = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            Thread pump = new Thread(() -> pump(child, file, watchdog, hung), "jcstress-output");
            pump.setDaemon(true);
            pump.start();
            watchdog.start();
            boolean finished = child.waitFor(runDeadline.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                LOG.error("JCStress ran past its whole-run deadline of {} s; stopping it.", runDeadline.toSeconds());
                destroyTree(child.toHandle());
                child.waitFor(30, TimeUnit.SECONDS);
            }
            watchdog.stop();
            pump.join(TimeUnit.SECONDS.toMillis(10));
            double wall = (System.nanoTime() - start) / 1e9;
            synchronized (hung) {
                return new Exit(finished ? child.exitValue() : -1, !finished, wall, hung, forks);
            }
        } finally {
            watchdog.stop();
            try {
                Runtime.getRuntime().removeShutdownHook(killer);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running and will stop the child
            }
        }
    }

    /**
     * Copies the output line by line. After the watchdog killed a fork, JCStress's next non-OK result
     * line names the test that fork ran: that is how a kill is tied to a test.
     */
    private static void pump(Process child, BufferedWriter file, ForkWatchdog watchdog, Set<String> hung) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                System.out.println(line);
                file.write(line);
                file.newLine();
                file.flush();
                var m = RESULT_LINE.matcher(line);
                if (m.matches() && !m.group(1).equals("OK") && watchdog.takeKill()) {
                    synchronized (hung) {
                        hung.add(m.group(2));
                    }
                }
            }
        } catch (IOException e) {
            LOG.warn("Lost JCStress output: {}", e.toString());
        }
    }

    /** JCStress forks one VM per test configuration: stop those too, not just the parent. */
    static void destroyTree(ProcessHandle process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
