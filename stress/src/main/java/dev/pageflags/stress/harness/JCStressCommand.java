package dev.pageflags.stress.harness;

import java.nio.file.Path;
import java.util.List;

/**
 * Builds the command that runs JCStress on some tests. The real one runs {@code java -jar jcstress.jar};
 * the runner's own tests put a small fake in its place, where a real run would be too slow.
 */
@FunctionalInterface
public interface JCStressCommand {
    List<String> build(Path jar, List<String> jcstressArgs, List<String> testNames, Path reportDir);

    /** JCStress from the jar, on the JVM the runner itself runs on. */
    static JCStressCommand real() {
        return (jar, args, names, reportDir) -> JCStressLauncher.command(JCStressLauncher.currentJava(),
                jar.toAbsolutePath(), args, names, reportDir.toAbsolutePath());
    }
}
