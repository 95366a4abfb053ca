package dev.pageflags.bench.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs a short external command and returns what it printed, for probes and helper tools. */
final class Command {

    /** What a finished command printed (standard output and error together) and its exit status. */
    record Output(int exit, String text) {
        List<String> lines() {
            return text.lines().toList();
        }
    }

    private Command() {
    }

    /** The command's output, or empty when it cannot start or outlives the timeout. */
    static Optional<Output> tryRun(List<String> cmd, Duration timeout) {
        try {
            return Optional.of(run(cmd, timeout));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Output run(List<String> cmd, Duration timeout) throws IOException {
        // A file, not a pipe: a listing larger than the pipe's buffer would stall the command.
        Path log = Files.createTempFile("pageflags-cmd", ".out");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    throw new IOException(cmd.get(0) + " did not finish within " + timeout.toSeconds() + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
                throw new IOException("interrupted while " + cmd.get(0) + " ran", e);
            }
            return new Output(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
