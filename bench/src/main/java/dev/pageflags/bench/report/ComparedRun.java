package dev.pageflags.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One benchmark run given to {@link Compare}: its results (the JMH file and the native floor beside
 * it), where they came from, and the machine its {@code machine.md} names, so a table row can say
 * which machine and JVM it is.
 *
 * @param number  the run's place on the command line, from 1; every ratio is to run 1
 * @param source  the {@code jmh.json} read
 * @param machine "AMD EPYC, 2 CPUs" from the {@code machine.md} beside it, or a note that there is none
 */
record ComparedRun(int number, Path source, String machine, ResultSet results) {
    static final String JMH_JSON = "jmh.json";
    static final String MACHINE_MD = "machine.md";

    /** "2: AMD EPYC, 2 CPUs, JDK 25.0.1": the label of this run's row in every table. */
    String label() {
        return number + ": " + machine + ", JDK " + results.info().jdkVersion();
    }

    /** The benchmark ids this run measured (JMH results, not the floor). */
    Set<String> benchmarkIds() {
        Set<String> ids = new LinkedHashSet<>();
        results.results().forEach(r -> ids.add(r.id()));
        return ids;
    }

    /** A result directory (its {@code jmh.json}) or a JMH file; bad input is a {@link Compare.BadInput} naming it. */
    static ComparedRun load(int number, Path given) throws Compare.BadInput {
        Path json = Files.isDirectory(given) ? given.resolve(JMH_JSON) : given;
        if (!Files.isRegularFile(json)) {
            throw new Compare.BadInput(Files.isDirectory(given) ? given + ": a directory without " + JMH_JSON
                    : given + ": no such file or directory");
        }
        ResultSet results;
        try {
            results = ResultSet.load(json);
        } catch (IOException e) {
            throw new Compare.BadInput(e.getMessage());
        }
        if (results.results().isEmpty()) {
            throw new Compare.BadInput(json + " holds no benchmark results");
        }
        return new ComparedRun(number, json, machine(json), results);
    }

    /** The CPU (without its parenthesised details) and the CPU count from machine.md's table. */
    static String machine(Path jmhJson) {
        Path dir = jmhJson.toAbsolutePath().getParent();
        Path md = dir == null ? Path.of(MACHINE_MD) : dir.resolve(MACHINE_MD);
        if (!Files.isRegularFile(md)) {
            return "machine unknown (no " + MACHINE_MD + ")";
        }
        String cpu = null;
        String cpus = null;
        try {
            for (String line : Files.readAllLines(md)) {
                List<String> cells = List.of(line.split("\\|"));
                if (cells.size() < 3) {
                    continue;
                }
                String key = cells.get(1).trim().toLowerCase(Locale.ROOT);
                String value = cells.get(2).trim();
                if (key.equals("cpu")) {
                    int paren = value.indexOf(" (");
                    cpu = paren > 0 ? value.substring(0, paren) : value;
                } else if (key.equals("cpus") || key.equals("logical cpus")) {
                    cpus = value;
                }
            }
        } catch (IOException e) {
            return "machine unknown (" + md + " unreadable)";
        }
        if (cpu == null) {
            return "machine unknown (" + MACHINE_MD + " names no CPU)";
        }
        return cpus == null ? cpu : cpu + ", " + cpus + " CPUs";
    }
}
