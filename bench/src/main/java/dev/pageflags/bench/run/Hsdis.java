package dev.pageflags.bench.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The hsdis plugin a HotSpot JVM would load for PrintAssembly, found the way HotSpot 17 to 25 look
 * for it ({@code disassembler.cpp}): {@code <home>/lib/server/libhsdis-<arch>.so}, then
 * {@code hsdis-<arch>.so} in {@code lib/server} and in {@code lib}, then the dynamic loader's search
 * ({@code LD_LIBRARY_PATH}, then the system library folders). HotSpot stops at the first file that
 * loads, usable or not: since JDK 9 it needs the entry point {@code decode_instructions_virtual};
 * Debian's {@code libhsdis0-fcml} (which links itself into Debian's own JDKs' {@code lib}) exports
 * only JDK 8's {@code decode_instructions}, so those JDKs print code as bytes.
 *
 * @param library the file HotSpot would load, if any
 * @param usable  it exports the JDK 9+ entry point (its name is in the file)
 */
record Hsdis(Optional<Path> library, boolean usable) {
    static final String ENTRY_POINT = "decode_instructions_virtual";
    private static final List<Path> SYSTEM_DIRS = List.of(Path.of("/lib64"), Path.of("/usr/lib64"),
            Path.of("/lib"), Path.of("/usr/lib"));

    /** The hsdis of the JVM installed at {@code javaHome}, with this process's library path. */
    static Hsdis locate(Path javaHome) {
        return locate(javaHome, System.getProperty("os.arch"), System.getenv("LD_LIBRARY_PATH"));
    }

    static Hsdis locate(Path javaHome, String arch, String ldLibraryPath) {
        String name = "hsdis-" + arch + ".so";
        List<Path> candidates = new ArrayList<>(List.of(
                javaHome.resolve("lib/server/lib" + name),
                javaHome.resolve("lib/server/" + name),
                javaHome.resolve("lib/" + name)));
        if (ldLibraryPath != null) {
            for (String dir : ldLibraryPath.split(":")) {
                if (!dir.isBlank()) {
                    candidates.add(Path.of(dir, name));
                }
            }
        }
        SYSTEM_DIRS.forEach(d -> candidates.add(d.resolve(name)));
        for (Path c : candidates) {
            if (Files.isReadable(c)) {
                return new Hsdis(Optional.of(c), exportsEntryPoint(c));
            }
        }
        return new Hsdis(Optional.empty(), false);
    }

    /** For machine.md and the step's log. */
    String describe() {
        if (library.isEmpty()) {
            return "none where HotSpot looks (the JDK's lib/server and lib, LD_LIBRARY_PATH): HotSpot prints"
                    + " compiled code as bytes";
        }
        Path lib = library.get();
        String shown = lib + target(lib);
        return usable ? shown + ", usable: HotSpot prints instructions"
                : shown + ", not usable: it lacks " + ENTRY_POINT + ", the entry point of JDK 9 and later (Debian's"
                        + " libhsdis0-fcml is a JDK 8 plugin), so HotSpot prints compiled code as bytes";
    }

    private static String target(Path lib) {
        try {
            Path real = lib.toRealPath();
            return real.equals(lib) ? "" : " (-> " + real + ")";
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean exportsEntryPoint(Path lib) {
        try {
            // The symbol's name is in the library's dynamic string table; a byte search finds it.
            return new String(Files.readAllBytes(lib), StandardCharsets.ISO_8859_1).contains(ENTRY_POINT);
        } catch (IOException e) {
            return false;
        }
    }
}
