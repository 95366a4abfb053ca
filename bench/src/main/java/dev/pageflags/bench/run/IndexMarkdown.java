package dev.pageflags.bench.run;

import dev.pageflags.bench.asm.AsmTarget;

/**
 * {@code asm/README.md}: which excerpts this run captured, with what, and what each loop holds; or,
 * where nothing could be captured, the line "assembly: not captured" and why.
 */
final class IndexMarkdown {
    static final String NOT_CAPTURED = "assembly: not captured";

    private final AsmToolchain tools;
    private final StringBuilder rows = new StringBuilder();

    IndexMarkdown(AsmToolchain tools) {
        this.tools = tools;
    }

    void captured(AsmTarget t, String file, String found) {
        row(t, "[" + file + "](" + file + ")", found);
    }

    void failed(AsmTarget t, String why) {
        row(t, "not captured", why);
    }

    String render() {
        return head() + "The C2-compiled hot loop of each target's JMH stub, one short fork each with"
                + " `-XX:CompileCommand=print` (dev.pageflags.bench.run.AssemblyCapture). Each file's header"
                + " names the JVM, its flags and what to look for; `raw/` holds each fork's whole output.\n\n"
                + "Disassembly: " + tools.describe() + ".\n\n"
                + "| target | benchmark | excerpt | in the loop |\n|---|---|---|---|\n" + rows;
    }

    String notCaptured(String why) {
        return head() + NOT_CAPTURED + ": " + why + ".\n";
    }

    private static String head() {
        return "# Assembly excerpts of this run\n\nJVM: " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.home") + ")\n\n";
    }

    private void row(AsmTarget t, String file, String text) {
        rows.append("| ").append(t.name()).append(" | ").append(t.benchmark()).append(" | ").append(file)
                .append(" | ").append(text.replace("|", "\\|")).append(" |\n");
    }
}
