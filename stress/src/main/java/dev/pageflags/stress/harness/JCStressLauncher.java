package dev.pageflags.stress.harness;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs JCStress as a child process ({@code java -jar jcstress.jar}), its output passed through to
 * ours and kept in a log file. A child of its own keeps the runner's JVM options out of JCStress,
 * which copies its own JVM's input arguments into every forked test VM.
 */
public final class JCStressLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(JCStressLauncher.class);

    /** How the child ended. */
    public record Exit(int code, boolean timedOut, double wallSeconds) {
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

    /** Runs the command in {@code workDir}, copying its output to stdout and {@code log}; kills it after {@code timeout}. */
    public static Exit run(List<String> cmd, Path workDir, Path log, Duration timeout)
            throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        LOG.debug("JCStress command: {}", cmd);
        long start = System.nanoTime();
        Process child = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true).start();
        Thread killer = new Thread(() -> destroyTree(child), "jcstress-killer");
        Runtime.getRuntime().addShutdownHook(killer);
        try (OutputStream file = Files.newOutputStream(log)) {
            Thread pump = new Thread(() -> copy(child.getInputStream(), System.out, file), "jcstress-output");
            pump.setDaemon(true);
            pump.start();
            boolean finished = child.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                LOG.error("JCStress ran past its {} minute watchdog; stopping it.", timeout.toMinutes());
                destroyTree(child);
                child.waitFor(30, TimeUnit.SECONDS);
            }
            pump.join(TimeUnit.SECONDS.toMillis(10));
            double wall = (System.nanoTime() - start) / 1e9;
            return new Exit(finished ? child.exitValue() : -1, !finished, wall);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(killer);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running and will stop the child
            }
        }
    }

    private static void copy(InputStream in, PrintStream console, OutputStream file) {
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                console.write(buf, 0, n);
                console.flush();
                file.write(buf, 0, n);
            }
        } catch (IOException e) {
            LOG.warn("Lost JCStress output: {}", e.toString());
        }
    }

    /** JCStress forks one VM per test configuration: stop those too, not just the parent. */
    private static void destroyTree(Process child) {
        child.descendants().forEach(ProcessHandle::destroyForcibly);
        child.destroyForcibly();
    }
}
