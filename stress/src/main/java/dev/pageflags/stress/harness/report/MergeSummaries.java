package dev.pageflags.stress.harness.report;

import dev.pageflags.report.IndexPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Merges the summary.json of several suite runs (machines, JDKs, budgets) into merged.md, merged.json
 * and rates.svg in one directory, and with {@code --index FILE} rewrites the results page beside it.
 * Exit code 0 written, 2 bad input (the message names the file). See the package page for the inputs
 * and outputs.
 */
public final class MergeSummaries {
    public static final int OK = 0;
    public static final int BAD_INPUT = 2;
    private static final Logger LOG = LoggerFactory.getLogger(MergeSummaries.class);

    private MergeSummaries() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The whole tool without {@code System.exit}, so tests can run it in their own JVM. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            MergeOptions options = MergeOptions.parse(args);
            List<RunSummary> runs = new ArrayList<>();
            for (Path input : options.inputs()) {
                runs.add(SummaryReader.read(input));
            }
            TestSetCheck.check(runs);
            // The output directory is prepared only once every input is known good: a refused merge leaves
            // no half-written directory behind.
            prepare(options.out());
            MergedView view = new MergedView(runs);
            write(options.out().resolve("merged.md"), MergedMarkdown.render(view));
            write(options.out().resolve("merged.json"), MergedJson.render(view));
            write(options.out().resolve("rates.svg"), RatesSvg.render(view));
            out.println("merged " + runs.size() + " runs of " + view.runs().get(0).tests().size() + " tests into "
                    + options.out() + " (merged.md, merged.json, rates.svg)");
            options.index().ifPresent(page -> writeIndex(page, out, err));
            LOG.debug("merged {}", options.inputs());
            return OK;
        } catch (MergeException e) {
            err.println("MergeSummaries: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    /** The results page; the merge is done whether or not the page can be written, so this exits 0 either way. */
    private static void writeIndex(Path page, PrintStream out, PrintStream err) {
        try {
            IndexPage.Result written = IndexPage.write(page, "MergeSummaries");
            written.problems().forEach(p -> err.println("MergeSummaries: results page: " + p));
            out.println("rewrote the results page " + written.page());
        } catch (IOException | RuntimeException e) {
            err.println("MergeSummaries: could not write the results page " + page + ": " + e);
        }
    }

    private static void prepare(Path dir) throws MergeException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new MergeException(dir + ": --out is not a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new MergeException(dir + ": --out is not a directory (" + e.getFile() + " is a file)");
        } catch (IOException e) {
            throw new MergeException(dir + ": --out cannot be created (" + e + ")");
        }
        if (!Files.isWritable(dir)) {
            throw new MergeException(dir + ": --out is not writable");
        }
    }

    private static void write(Path file, String content) throws MergeException {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MergeException(file + ": cannot be written (" + e + ")");
        }
    }
}
