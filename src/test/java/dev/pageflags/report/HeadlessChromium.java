package dev.pageflags.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium ({@code /usr/bin/chromium}, package {@code chromium}; another binary with
 * {@code -Dpf.chromium=PATH}) run headless on a local file: {@code --dump-dom} prints the DOM the
 * browser built from the page, after its own HTML parser fixed what it had to.
 */
final class HeadlessChromium {
    static final String INSTALL = "install Debian's package chromium (apt-get install chromium), or point"
            + " -Dpf.chromium at a Chromium binary";
    private static final long DEADLINE_SECONDS = 60;

    private final Path binary;

    private HeadlessChromium(Path binary) {
        this.binary = binary;
    }

    static Optional<HeadlessChromium> find() {
        Path binary = Path.of(System.getProperty("pf.chromium", "/usr/bin/chromium"));
        return Files.isExecutable(binary) ? Optional.of(new HeadlessChromium(binary)) : Optional.empty();
    }

    static String where() {
        return System.getProperty("pf.chromium", "/usr/bin/chromium");
    }

    /** The page's DOM as the browser serialises it. A fresh profile folder keeps runs independent. */
    String dumpDom(Path page, Path work) throws IOException, InterruptedException {
        Path profile = Files.createDirectories(work.resolve("chromium-profile"));
        Path dom = work.resolve("dom.html");
        Path log = work.resolve("chromium.log");
        Process p = new ProcessBuilder(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--dump-dom", page.toUri().toString()))
                .redirectOutput(dom.toFile()).redirectError(log.toFile()).start();
        if (!p.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IOException(binary + " did not finish within " + DEADLINE_SECONDS + " s; its log: " + tail(log));
        }
        if (p.exitValue() != 0) {
            throw new IOException(binary + " exited with " + p.exitValue() + "; its log: " + tail(log));
        }
        return Files.readString(dom, StandardCharsets.UTF_8);
    }

    private static String tail(Path log) throws IOException {
        String text = Files.readString(log, StandardCharsets.UTF_8);
        return text.length() <= 2000 ? text : text.substring(text.length() - 2000);
    }
}
