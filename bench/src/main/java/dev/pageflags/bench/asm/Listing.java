package dev.pageflags.bench.asm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An nmethod's main code as instructions, with HotSpot's comments placed between them. Where HotSpot
 * printed bytes, a {@link ByteDecoder} decodes them; HotSpot's byte listing prints a comment at the
 * start of the four-byte group holding its pc, so such a comment is placed before the first
 * instruction that starts at or after that address (exact whenever one instruction starts in the
 * group). Where hsdis printed instructions, a comment stays with the instruction it was printed with.
 */
public final class Listing {
    private Listing() {
    }

    public static List<Instruction> of(Nmethod nm, ByteDecoder decoder) throws IOException {
        List<ByteDecoder.Decoded> decoded = nm.hasRawBytes() ? decodeBytes(nm, decoder) : printed(nm);
        List<List<String>> before = new ArrayList<>();
        List<List<String>> after = new ArrayList<>();
        for (int i = 0; i < decoded.size(); i++) {
            before.add(new ArrayList<>());
            after.add(new ArrayList<>());
        }
        for (Nmethod.Printed p : nm.code()) {
            if (p instanceof Nmethod.Printed.Comment c) {
                int at = firstAtOrAfter(decoded, c.address());
                if (c.trailing() && at < decoded.size() && decoded.get(at).address() == c.address()) {
                    after.get(at).add(c.text());
                } else if (at < decoded.size()) {
                    before.get(at).add(c.text());
                }
            }
        }
        List<Instruction> out = new ArrayList<>();
        for (int i = 0; i < decoded.size(); i++) {
            out.add(new Instruction(decoded.get(i).address(), decoded.get(i).text(), before.get(i), after.get(i)));
        }
        return out;
    }

    private static int firstAtOrAfter(List<ByteDecoder.Decoded> code, long address) {
        for (int i = 0; i < code.size(); i++) {
            if (code.get(i).address() >= address) {
                return i;
            }
        }
        return code.size();
    }

    private static List<ByteDecoder.Decoded> printed(Nmethod nm) {
        List<ByteDecoder.Decoded> out = new ArrayList<>();
        for (Nmethod.Printed p : nm.code()) {
            if (p instanceof Nmethod.Printed.Instruction i) {
                out.add(new ByteDecoder.Decoded(i.address(), i.text()));
            }
        }
        return out;
    }

    private static List<ByteDecoder.Decoded> decodeBytes(Nmethod nm, ByteDecoder decoder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long base = -1;
        for (Nmethod.Printed p : nm.code()) {
            if (p instanceof Nmethod.Printed.Bytes b) {
                if (base < 0) {
                    base = b.address();
                }
                bytes.write(b.bytes());
            }
        }
        return decoder.decode(base, bytes.toByteArray());
    }
}
