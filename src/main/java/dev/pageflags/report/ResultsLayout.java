package dev.pageflags.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The folder index.html sits in and the parts the page reads from there, each written by its own tool:
 * {@code stress/} (the suite), {@code lincheck/} (the Lincheck checks), {@code bench/} (the benchmark
 * run) and {@code merged/} (MergeSummaries). Links on the page are relative to this folder, so the
 * folder can be copied or opened from an artifact as a whole.
 */
record ResultsLayout(Path root) {
    static final String PAGE = "index.html";

    ResultsLayout {
        root = root.toAbsolutePath().normalize();
    }

    Path stress() {
        return root.resolve(IndexPage.STRESS);
    }

    Path lincheck() {
        return root.resolve("lincheck");
    }

    Path bench() {
        return root.resolve(IndexPage.BENCH);
    }

    Path merged() {
        return root.resolve(IndexPage.MERGED);
    }

    /** The file as the page names it: "stress/summary.json". */
    String shown(Path file) {
        return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /** A relative link to the file, each path segment percent-encoded. */
    String href(Path file) {
        StringBuilder out = new StringBuilder();
        for (Path segment : root.relativize(file.toAbsolutePath().normalize())) {
            if (!out.isEmpty()) {
                out.append('/');
            }
            out.append(encode(segment.toString()));
        }
        return out.toString();
    }

    /** A link to the file when it exists. */
    Optional<String> hrefIfFile(Path file) {
        return Files.isRegularFile(file) ? Optional.of(href(file)) : Optional.empty();
    }

    /** The regular files directly in a folder, by name; none when the folder is missing. */
    static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** The folders directly in a folder, by name. */
    static List<Path> folders(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    private static String encode(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~+,=@".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
