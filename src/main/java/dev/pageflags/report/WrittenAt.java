package dev.pageflags.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * When a file was last written, for the line under each part: the page mixes parts of different runs
 * (a plain {@code mvn verify} leaves the last full benchmark run in place), and the reader should see
 * which is which.
 */
final class WrittenAt {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    private WrittenAt() {
    }

    static String of(Path file) {
        try {
            return "written " + FORMAT.format(Files.getLastModifiedTime(file).toInstant().atZone(ZoneId.systemDefault()));
        } catch (IOException e) {
            return "time written unknown";
        }
    }
}
