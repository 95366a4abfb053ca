package dev.pageflags.bench.asm;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * From a capture fork's PrintAssembly text to a target's hot loop: the stub's last C2 compile (a
 * standard one if there is one: JMH calls the stub anew for every iteration, so after the first
 * iterations' on-stack replacement the standard compile runs), decoded, and cut to its loop.
 */
public final class LoopExtractor {
    private LoopExtractor() {
    }

    /** The compile the excerpt shows, and its loop. */
    public record Result(Nmethod nmethod, HotLoop loop) {
    }

    /** Why no loop could be cut out; the message names the target and what was missing. */
    public static final class NoLoopException extends Exception {
        private static final long serialVersionUID = 1L;

        NoLoopException(String message) {
            super(message);
        }
    }

    public static Result extract(List<String> printAssembly, AsmTarget target, ByteDecoder decoder)
            throws IOException, NoLoopException {
        List<Nmethod> stubs = PrintAssemblyParser.parse(printAssembly).stream()
                .filter(nm -> nm.method().startsWith(target.stubClass() + "::") && nm.method().endsWith("_jmhStub"))
                .toList();
        Nmethod chosen = select(stubs).orElseThrow(() -> new NoLoopException(target.name() + ": no C2 compile of "
                + target.stubPattern() + " was printed (" + stubs.size() + " other compiles of it were);"
                + " the run may have been too short for C2"));
        if (chosen.hasRawBytes() && decoder == null) {
            throw new NoLoopException(target.name() + ": HotSpot printed bytes and there is no disassembler to decode them");
        }
        List<Instruction> code = Listing.of(chosen, decoder);
        HotLoop loop = HotLoop.find(code, chosen.method()).orElseThrow(() -> new NoLoopException(target.name() + ": no backward"
                + " branch around a safepoint poll in " + chosen.method() + ", " + chosen.describe()));
        return new Result(chosen, loop);
    }

    static Optional<Nmethod> select(List<Nmethod> stubs) {
        Optional<Nmethod> standard = stubs.stream().filter(nm -> nm.compiler().equals("c2") && !nm.osr())
                .reduce((a, b) -> b);
        return standard.isPresent() ? standard
                : stubs.stream().filter(nm -> nm.compiler().equals("c2")).reduce((a, b) -> b);
    }
}
