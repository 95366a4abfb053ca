package dev.pageflags.bench.run;

import dev.pageflags.bench.asm.ByteDecoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes x86-64 machine code with GNU binutils' {@code objdump}, in AT&amp;T syntax as hsdis prints
 * it. HotSpot without a usable hsdis prints compiled code as bytes; this makes them readable.
 */
final class ObjdumpDecoder implements ByteDecoder {
    /** "  7f1a08f0e020:\te8 9b 94 f1 14 \tcall   0x7f1a1de274c0"; {@code -w} keeps one instruction a line. */
    private static final Pattern LINE = Pattern.compile("^\\s*([0-9a-f]+):\\t([0-9a-f ]+)\\t(.+)$");

    private final Path objdump;

    ObjdumpDecoder(Path objdump) {
        this.objdump = objdump;
    }

    @Override
    public List<Decoded> decode(long base, byte[] code) throws IOException {
        Path bin = Files.createTempFile("pageflags-asm", ".bin");
        try {
            Files.write(bin, code);
            Command.Output out = Command.run(List.of(objdump.toString(), "-D", "-z", "-w", "-b", "binary",
                    "-m", "i386:x86-64", "--adjust-vma=0x" + Long.toHexString(base), bin.toString()),
                    Duration.ofSeconds(60));
            if (out.exit() != 0) {
                throw new IOException("objdump failed (exit " + out.exit() + "): " + out.text().strip());
            }
            return parse(out.lines());
        } finally {
            Files.deleteIfExists(bin);
        }
    }

    /** objdump's listing as instructions; its headers and blank lines are skipped. */
    static List<Decoded> parse(List<String> lines) {
        List<Decoded> out = new ArrayList<>();
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                out.add(new Decoded(Long.parseUnsignedLong(m.group(1), 16), m.group(3)));
            }
        }
        return out;
    }

    @Override
    public String describe() {
        return "HotSpot printed the code as bytes; " + objdump + " (GNU binutils) decoded them, AT&T syntax";
    }
}
