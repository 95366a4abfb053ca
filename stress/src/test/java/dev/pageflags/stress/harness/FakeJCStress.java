package dev.pageflags.stress.harness;

import org.openjdk.jcstress.annotations.Expect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stand-in for JCStress in the runner's own tests: a shell script run as the JCStress process, and
 * a result file of one line per test, {@code name|STATUS|state:EXPECT:count;...}, read back by
 * {@link #RESULTS}. It keeps JCStress's file name, so the runner clears old ones as it would real ones.
 */
final class FakeJCStress {
    static final String RESULT_FILE = "jcstress-results-fake.bin.gz";
    /** The calibration test of the real catalog, which every selection of races takes along. */
    static final String CALIBRATION = "dev.pageflags.stress.calibration.TwoActorWrites";
    /** A shell line recording the calibration test's one state, 2000 samples (2000 per second: the fake's 1 s). */
    static final String CALIBRATED = record(CALIBRATION, "NORMAL", "1, 2:ACCEPTABLE:2000");

    /**
     * Shell lines recording both sample-cost tests of the real catalog's class {@code costClass} in their
     * ACCEPTABLE state, 1000 samples each (WorldOnly: judged as untouched; OneThread: no bad state).
     */
    static String sampleCostsMeasured(String costClass) {
        return record(costClass + ".WorldOnly", "NORMAL", "true:ACCEPTABLE:1000")
                + record(costClass + ".OneThread", "NORMAL", "false:ACCEPTABLE:1000");
    }

    private FakeJCStress() {
    }

    /** Runs {@code script} with {@code sh -c} in the work directory, whatever tests it was asked for. */
    static JCStressCommand script(String script) {
        return (jar, args, names, reportDir) -> List.of("sh", "-c", script, "fake-jcstress");
    }

    /** A shell line appending one test's record to the result file. */
    static String record(String test, String status, String... outcomes) {
        return "echo '" + test + "|" + status + "|" + String.join(";", outcomes) + "' >> " + RESULT_FILE + "; ";
    }

    /** A shell line printing JCStress's line for a finished fork. */
    static String resultLine(String status, String test) {
        return "echo '.......... [" + status + "] " + test + "'; ";
    }

    static final ResultSource RESULTS = new ResultSource() {
        @Override
        public Optional<Path> find(Path workDir) {
            Path file = workDir.resolve(RESULT_FILE);
            return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
        }

        @Override
        public Map<String, TestRun> read(Path file) throws IOException {
            Map<String, TestRun> runs = new LinkedHashMap<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\\|", -1);
                List<OutcomeCount> outcomes = new ArrayList<>();
                for (String o : f[2].isEmpty() ? new String[0] : f[2].split(";")) {
                    String[] p = o.split(":");
                    outcomes.add(new OutcomeCount(p[0], Expect.valueOf(p[1]), Long.parseLong(p[2]), "fake"));
                }
                runs.put(f[0], new TestRun(f[0], f[1], outcomes, List.of("fake message"), List.of(), 1.0));
            }
            return runs;
        }
    };
}
