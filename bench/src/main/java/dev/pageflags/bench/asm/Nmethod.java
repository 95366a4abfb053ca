package dev.pageflags.bench.asm;

import java.util.List;
import java.util.Locale;

/**
 * One compiled method as HotSpot's PrintAssembly printed it: which compiler, the main code's
 * address range, and its code either as instruction text (HotSpot had a usable hsdis) or as raw
 * bytes (it had none), with HotSpot's own comments at their addresses.
 *
 * @param compiler  {@code c1} or {@code c2}
 * @param osr       an on-stack-replacement compile, entered in the middle of a running loop
 * @param method    {@code package.Class::method}
 * @param codeStart first address of the main code (the stubs and handlers after it are left out)
 * @param codeEnd   the address after the main code
 */
public record Nmethod(String compiler, int compileId, boolean osr, int level, String method,
                      long codeStart, long codeEnd, List<Printed> code) {

    public Nmethod {
        code = List.copyOf(code);
    }

    /** True when HotSpot printed bytes, which a disassembler must still decode. */
    public boolean hasRawBytes() {
        return code.stream().anyMatch(p -> p instanceof Printed.Bytes);
    }

    public String describe() {
        return compiler.toUpperCase(Locale.ROOT) + " (tier " + level + ") compile " + compileId
                + (osr ? ", an OSR compile (entered from a running loop)" : ", a standard compile");
    }

    /** What PrintAssembly printed at one address of the main code. */
    public sealed interface Printed permits Printed.Bytes, Printed.Instruction, Printed.Comment {
        long address();

        /** Code bytes, from HotSpot's own listing when it has no disassembler. */
        record Bytes(long address, byte[] bytes) implements Printed {
        }

        /** An instruction as hsdis decoded it. */
        record Instruction(long address, String text) implements Printed {
        }

        /**
         * One of HotSpot's comments (relocation, oop map, the inlined frames at a safepoint).
         *
         * @param trailing printed after the instruction at {@code address} (hsdis listing) rather
         *                 than before the code at that address (byte listing)
         */
        record Comment(long address, String text, boolean trailing) implements Printed {
        }
    }
}
