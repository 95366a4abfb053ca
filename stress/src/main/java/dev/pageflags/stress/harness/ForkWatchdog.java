package dev.pageflags.stress.harness;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Kills a forked JCStress test VM that has run longer than a test may. JCStress 0.16 waits for a
 * fork for ever (a spin lock that never returns hangs the whole run); killed, the fork is reported by
 * JCStress as a VM error of its test and the run goes on with the other tests, in the same process,
 * so the per-test deadline costs no JCStress restart.
 *
 * <p>Once one fork of a run has hung, the model most likely hangs for every test that takes the same
 * path (a broken spin lock hangs them all), so each later fork gets a shorter deadline: its sampling
 * time and a short start-up allowance. A model that hangs then ends the suite in minutes, not in
 * tests x configurations x the full deadline.
 *
 * <p>Forks are recognised by their main class in the command line; the check runs four times a
 * second, and each check is also handed to the process's {@link ForkLog}, which times the forks.
 */
final class ForkWatchdog {
    private static final Logger LOG = LoggerFactory.getLogger(ForkWatchdog.class);

    /** The main class of JCStress's forked test VMs. */
    static final String FORK_MARKER = "org.openjdk.jcstress.ForkedMain";
    static final long PERIOD_MS = 250;

    private final ProcessHandle root;
    private final Duration deadline;
    private final Duration deadlineAfterAHang;
    private final Map<Long, Instant> firstSeen = new HashMap<>();
    private final Set<Long> killed = new HashSet<>();
    private final AtomicInteger unclaimedKills = new AtomicInteger();
    private final ForkLog log;
    private final Thread thread;
    private volatile boolean running = true;

    ForkWatchdog(ProcessHandle root, Duration deadline, Duration deadlineAfterAHang, ForkLog log) {
        this.root = root;
        this.log = log;
        this.deadline = deadline;
        this.deadlineAfterAHang = deadlineAfterAHang.compareTo(deadline) < 0 ? deadlineAfterAHang : deadline;
        this.thread = new Thread(this::watch, "jcstress-fork-watchdog");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void stop() {
        running = false;
        thread.interrupt();
    }

    /** True once per kill not yet tied to a test; the caller ties it to the next failed test it sees. */
    boolean takeKill() {
        return unclaimedKills.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    private void watch() {
        while (running) {
            Instant now = Instant.now();
            Duration limit = killed.isEmpty() ? deadline : deadlineAfterAHang;
            List<ProcessHandle> forks = root.descendants().filter(ForkWatchdog::isFork).toList();
            log.observe(forks, now);
            forks.stream().filter(p -> !killed.contains(p.pid())).forEach(fork -> {
                Instant since = firstSeen.computeIfAbsent(fork.pid(),
                        pid -> fork.info().startInstant().orElse(now));
                if (Duration.between(since, now).compareTo(limit) > 0 && fork.isAlive()) {
                    LOG.error("A JCStress test VM (pid {}) ran past the per-test deadline of {} s: killing it;"
                            + " its test is graded hung.", fork.pid(), limit.toSeconds());
                    killed.add(fork.pid());
                    unclaimedKills.incrementAndGet();
                    JCStressLauncher.destroyTree(fork);
                }
            });
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static boolean isFork(ProcessHandle p) {
        return p.info().commandLine().map(c -> c.contains(FORK_MARKER)).orElse(false)
                || p.info().arguments().map(a -> String.join(" ", a).contains(FORK_MARKER)).orElse(false);
    }
}
