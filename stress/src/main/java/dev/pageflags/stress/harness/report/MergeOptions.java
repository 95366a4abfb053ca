package dev.pageflags.stress.harness.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line: {@code --out DIR} (or {@code --out=DIR}) and two or more summary.json files. */
public record MergeOptions(Path out, List<Path> inputs) {
    public static final String USAGE = "usage: MergeSummaries --out DIR SUMMARY.json SUMMARY.json [SUMMARY.json...]";

    public static MergeOptions parse(String[] args) throws MergeException {
        Path out = null;
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--out")) {
                if (i + 1 >= args.length || args[i + 1].isBlank()) {
                    throw new MergeException("--out needs a directory; " + USAGE);
                }
                out = Path.of(args[++i]);
            } else if (arg.startsWith("--out=")) {
                if (arg.length() == "--out=".length()) {
                    throw new MergeException("--out needs a directory; " + USAGE);
                }
                out = Path.of(arg.substring("--out=".length()));
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
        return new MergeOptions(out, List.copyOf(inputs));
    }
}
