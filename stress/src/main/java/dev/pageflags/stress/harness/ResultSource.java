package dev.pageflags.stress.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Where a JCStress process left its results, and how to read them; faked in the runner's own tests. */
public interface ResultSource {
    Optional<Path> find(Path workDir) throws IOException;

    Map<String, TestRun> read(Path file) throws IOException;

    /** JCStress's own {@code jcstress-results-*.bin.gz}, read with JCStress's classes. */
    static ResultSource jcstress() {
        return new ResultSource() {
            public Optional<Path> find(Path workDir) throws IOException {
                return ResultFileReader.newestResultFile(workDir);
            }

            public Map<String, TestRun> read(Path file) throws IOException {
                return ResultFileReader.read(file);
            }
        };
    }
}
