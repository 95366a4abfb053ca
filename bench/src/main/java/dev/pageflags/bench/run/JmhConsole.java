package dev.pageflags.bench.run;

import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.UnCloseablePrintStream;
import org.openjdk.jmh.util.Utils;

import java.io.FileNotFoundException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.UnsupportedEncodingException;

/**
 * The console output {@code new Runner(options)} would make for itself: {@code -o FILE} when given,
 * else standard output, which JMH closes at the end of a run and so gets behind a stream that
 * ignores the close. Needed wherever the suite hands JMH an output format of its own.
 */
final class JmhConsole {
    private JmhConsole() {
    }

    static OutputFormat of(Options jmh) {
        PrintStream out;
        try {
            out = jmh.getOutput().hasValue()
                    ? new PrintStream(jmh.getOutput().get())
                    : new UnCloseablePrintStream(System.out, Utils.guessConsoleEncoding());
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException("cannot write JMH's output to " + jmh.getOutput().get(), e);
        } catch (UnsupportedEncodingException e) {
            throw new UncheckedIOException(e);
        }
        return OutputFormatFactory.createFormatInstance(out, jmh.verbosity().orElse(VerboseMode.NORMAL));
    }
}
