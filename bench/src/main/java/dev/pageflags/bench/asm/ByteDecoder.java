package dev.pageflags.bench.asm;

import java.io.IOException;
import java.util.List;

/** Turns machine code into instruction text; {@link ObjdumpDecoder} is the one this step ships. */
public interface ByteDecoder {

    /** An instruction at its address, as text. */
    record Decoded(long address, String text) {
    }

    List<Decoded> decode(long base, byte[] code) throws IOException;

    /** For the excerpt's header: which tool decoded the bytes. */
    String describe();
}
