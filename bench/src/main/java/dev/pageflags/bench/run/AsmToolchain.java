package dev.pageflags.bench.run;

import dev.pageflags.bench.asm.ByteDecoder;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the assembly step can read compiled code with on this machine: HotSpot's own hsdis plugin,
 * or else HotSpot's byte listing decoded by binutils' objdump. Both are x86-64 here: the marks the
 * excerpts carry are x86 instructions.
 */
record AsmToolchain(boolean x86, Hsdis hsdis, Optional<Path> objdump) {

    static AsmToolchain probe(Path javaHome) {
        String arch = System.getProperty("os.arch", "");
        return new AsmToolchain(arch.equals("amd64") || arch.equals("x86_64"), Hsdis.locate(javaHome),
                NativeFloorRunner.onPath("objdump"));
    }

    boolean canCapture() {
        return x86 && (hsdis.usable() || objdump.isPresent());
    }

    /** The decoder for byte listings, or null where HotSpot decodes (a usable hsdis) and objdump is absent. */
    ByteDecoder decoder() {
        return objdump.map(ObjdumpDecoder::new).orElse(null);
    }

    /** Why nothing can be captured, naming what to install; only meaningful when {@link #canCapture()} is false. */
    String whyNot() {
        if (!x86) {
            return "the excerpts mark x86-64 instructions and this is " + System.getProperty("os.arch");
        }
        return "HotSpot has no usable hsdis (" + hsdis.describe() + ") and there is no objdump on PATH to decode"
                + " its bytes; install GNU binutils (apt-get install binutils) or an hsdis built for JDK 9+";
    }

    /** One line for machine.md. */
    String describe() {
        String how = !x86 ? "not captured off x86-64"
                : hsdis.usable() ? "HotSpot's hsdis decodes the code"
                : objdump.isPresent() ? "HotSpot's bytes are decoded by " + objdump.get()
                : "not captured: no usable hsdis and no objdump";
        return how + "; hsdis: " + hsdis.describe();
    }
}
