package dev.pageflags.bench.run;

import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/** The benchmarks of this jar that a JMH include regex selects, as JMH itself would select them. */
final class JmhBenchmarks {
    private JmhBenchmarks() {
    }

    static Set<BenchmarkListEntry> matching(String regex) {
        return BenchmarkList.defaultList().find(OutputFormatFactory.createFormatInstance(
                new PrintStream(OutputStream.nullOutputStream()), VerboseMode.SILENT), List.of(regex), List.of());
    }
}
