package dev.pageflags.stress.harness.report;

import dev.pageflags.report.IndexPage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line: {@code --out DIR} (or {@code --out=DIR}), optionally {@code --index FILE} (the results
 * page to rewrite; it shows the merged/ folder beside it, so DIR must be that folder), and two or more
 * summary.json files.
 */
public record MergeOptions(Path out, List<Path> inputs, Optional<Path> index) {
    public static final String USAGE = "usage: MergeSummaries --out DIR [--index FILE] SUMMARY.json SUMMARY.json"
            + " [SUMMARY.json...]";

    public static MergeOptions parse(String[] args) throws MergeException {
        Path out = null;
        Path index = null;
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--out") || arg.equals("--index")) {
                if (i + 1 >= args.length || args[i + 1].isBlank()) {
                    throw new MergeException(arg + " needs a " + (arg.equals("--out") ? "directory" : "file") + "; "
                            + USAGE);
                }
                Path value = Path.of(args[++i]);
                if (arg.equals("--out")) {
                    out = value;
                } else {
                    index = value;
                }
            } else if (arg.startsWith("--out=")) {
                if (arg.length() == "--out=".length()) {
                    throw new MergeException("--out needs a directory; " + USAGE);
                }
                out = Path.of(arg.substring("--out=".length()));
            } else if (arg.startsWith("--index=")) {
                if (arg.length() == "--index=".length()) {
                    throw new MergeException("--index needs a file; " + USAGE);
                }
                index = Path.of(arg.substring("--index=".length()));
            } else if (arg.startsWith("-")) {
                // A file name starting with "-" is far less likely than a mistyped option.
                throw new MergeException("unknown option " + arg + "; " + USAGE);
            } else {
                inputs.add(Path.of(arg));
            }
        }
        if (out == null) {
            throw new MergeException("no --out directory; " + USAGE);
        }
        if (inputs.size() < 2) {
            throw new MergeException("need at least two summary.json files to merge, got " + inputs.size() + "; "
                    + USAGE);
        }
        if (index != null) {
            Optional<String> misplaced = IndexPage.misplaced(index, IndexPage.MERGED, out);
            if (misplaced.isPresent()) {
                throw new MergeException(misplaced.get());
            }
        }
        return new MergeOptions(out, List.copyOf(inputs), Optional.ofNullable(index));
    }
}
