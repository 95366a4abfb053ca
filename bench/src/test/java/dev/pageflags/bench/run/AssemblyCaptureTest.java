package dev.pageflags.bench.run;

import dev.pageflags.bench.asm.AsmTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The step's refusals and its skip; capturing itself runs a JVM and is left to the full run. */
class AssemblyCaptureTest {
    private static final AsmToolchain NOTHING_TO_DECODE_WITH =
            new AsmToolchain(true, new Hsdis(Optional.empty(), false), Optional.empty());

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int capture(AsmToolchain tools, String... args) {
        return new AssemblyCapture(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), tools).run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutHsdisOrObjdumpItSaysWhyAndExitsZero(@TempDir Path dir) throws Exception {
        Path asm = dir.resolve("asm");
        Files.createDirectories(asm);
        Files.writeString(asm.resolve("set_bit.txt"), "an excerpt of an earlier run");
        assertEquals(0, capture(NOTHING_TO_DECODE_WITH, "--out", dir.toString()));
        assertTrue(out().contains("[asm] skipped: HotSpot has no usable hsdis"), out());
        assertTrue(out().contains("apt-get install binutils"), "names the package to install: " + out());
        String index = Files.readString(asm.resolve(AssemblyCapture.INDEX));
        assertTrue(index.contains(IndexMarkdown.NOT_CAPTURED + ": HotSpot has no usable hsdis"), index);
        assertFalse(Files.exists(asm.resolve("set_bit.txt")), "an earlier run's excerpt must not pass for this run's");
    }

    @Test
    void offX86ItSaysSo(@TempDir Path dir) {
        AsmToolchain arm = new AsmToolchain(false, new Hsdis(Optional.empty(), false), Optional.of(Path.of("/usr/bin/objdump")));
        assertEquals(0, capture(arm, "--out", dir.toString()));
        assertTrue(out().contains("[asm] skipped: the excerpts mark x86-64 instructions"), out());
    }

    @Test
    void badCommandLinesExitTwo(@TempDir Path dir) {
        assertEquals(2, capture(NOTHING_TO_DECODE_WITH, "--bogus"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option '--bogus'"));
        assertEquals(2, capture(NOTHING_TO_DECODE_WITH, "--include", "(", "--out", dir.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("is not a valid regular expression"));
        assertEquals(2, capture(NOTHING_TO_DECODE_WITH, "--out"));
        assertFalse(Files.exists(dir.resolve("asm")), "nothing was written");
    }

    @Test
    void everyTargetNamesOneBenchmarkAndItsGeneratedStub(@TempDir Path dir) throws Exception {
        for (AsmTarget t : AsmTarget.ALL) {
            Class.forName(t.stubClass());
        }
        // The step's own check of the table, on the benchmarks this module generated.
        assertEquals(0, capture(NOTHING_TO_DECODE_WITH, "--out", dir.toString()));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void hsdisIsFoundWhereHotSpotLooksAndJudgedByItsEntryPoint(@TempDir Path jdk) throws Exception {
        Files.createDirectories(jdk.resolve("lib/server"));
        assertEquals(Optional.empty(), Hsdis.locate(jdk, "amd64", null).library());

        Path lib = jdk.resolve("lib/hsdis-amd64.so");
        Files.writeString(lib, "ELF ... decode_instructions ...");
        Hsdis jdk8Plugin = Hsdis.locate(jdk, "amd64", null);
        assertEquals(Optional.of(lib), jdk8Plugin.library());
        assertFalse(jdk8Plugin.usable());
        assertTrue(jdk8Plugin.describe().contains("libhsdis0-fcml"), jdk8Plugin.describe());

        Path server = jdk.resolve("lib/server/hsdis-amd64.so");
        Files.writeString(server, "ELF ... decode_instructions_virtual ...");
        Hsdis found = Hsdis.locate(jdk, "amd64", null);
        assertEquals(Optional.of(server), found.library(), "lib/server comes before lib");
        assertTrue(found.usable());
    }

    @Test
    void ldLibraryPathIsSearchedAfterTheJdk(@TempDir Path dir) throws Exception {
        Path jdk = Files.createDirectories(dir.resolve("jdk/lib/server")).getParent().getParent();
        Path extra = Files.createDirectories(dir.resolve("extra"));
        Files.writeString(extra.resolve("hsdis-amd64.so"), "decode_instructions_virtual");
        Hsdis h = Hsdis.locate(jdk, "amd64", "/nonexistent:" + extra);
        assertEquals(Optional.of(extra.resolve("hsdis-amd64.so")), h.library());
        assertTrue(h.usable());
    }
}
