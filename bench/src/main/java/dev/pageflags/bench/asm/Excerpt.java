package dev.pageflags.bench.asm;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The text of {@code asm/<target>.txt}: a header that says where the code comes from and what to
 * look at, then the hot loop's instructions with HotSpot's comments and the key lines marked.
 */
public final class Excerpt {
    private static final int TEXT_COLUMN = 48;

    private Excerpt() {
    }

    public static String render(AsmTarget target, Provenance p, Nmethod nm, HotLoop loop) {
        StringBuilder out = new StringBuilder();
        Map<Instruction, Set<Mark>> marks = marks(loop);
        header(out, "%s: the hot loop of %s, as C2 compiled it", target.name(), target.benchmark());
        header(out, "");
        field(out, "JVM", p.jvm() + ", " + p.javaHome());
        field(out, "JVM flags", String.join(" ", p.jvmFlags()));
        field(out, "Benchmark", target.fullName() + ", run by JMH " + String.join(" ", p.jmhArgs()));
        field(out, "Method", nm.method());
        field(out, "", nm.describe() + "; the last C2 compile of this stub in the capture fork");
        field(out, "Decoded by", p.decodedBy());
        field(out, "Look for", target.lookFor());
        field(out, "Loop", String.format(Locale.ROOT, "0x%x to 0x%x, %d instructions; %s", loop.start(),
                loop.end(), loop.body().size(), calls(marks)));
        field(out, "Found", summary(loop));
        header(out, "");
        header(out, "Marks:");
        EnumSet<Mark> used = EnumSet.noneOf(Mark.class);
        marks.values().forEach(used::addAll);
        for (Mark m : used) {
            header(out, "  <- %-12s %s", m.name(), m.meaning());
        }
        if (nm.hasRawBytes()) {
            header(out, "HotSpot's comments (;) stand before the instruction at the pc they were recorded at; a");
            header(out, "byte listing gives that pc to 4 bytes. A call's oop map and inlined frames are recorded");
            header(out, "at its return address, so they stand before the instruction after the call.");
        } else {
            header(out, "HotSpot's comments (;) follow the instruction hsdis printed them with.");
        }
        out.append('\n');
        for (Instruction insn : loop.body()) {
            for (String c : insn.commentsBefore()) {
                out.append(" ".repeat(22)).append(c).append('\n');
            }
            String line = String.format(Locale.ROOT, "  0x%016x: %s", insn.address(), insn.text());
            out.append(line);
            String label = label(marks.get(insn), loop.exitAt(insn));
            if (!label.isEmpty()) {
                out.append(" ".repeat(Math.max(1, 22 + TEXT_COLUMN - line.length()))).append(label);
            }
            out.append('\n');
            for (String c : insn.commentsAfter()) {
                out.append(" ".repeat(22)).append(c).append('\n');
            }
        }
        return out.toString();
    }

    private static Map<Instruction, Set<Mark>> marks(HotLoop loop) {
        Map<Instruction, Set<Mark>> out = new LinkedHashMap<>();
        for (Instruction insn : loop.body()) {
            Set<Mark> m = EnumSet.noneOf(Mark.class);
            m.addAll(Mark.of(insn));
            if (loop.exitAt(insn).isPresent()) {
                m.add(Mark.EXIT);
            }
            out.put(insn, m);
        }
        return out;
    }

    private static String label(Set<Mark> marks, Optional<HotLoop.Exit> exit) {
        List<String> parts = new ArrayList<>();
        for (Mark m : marks) {
            if (m == Mark.EXIT) {
                parts.add(exit.orElseThrow().toUncommonTrap() ? "EXIT to an uncommon trap" : "EXIT");
            } else {
                parts.add(m.name());
            }
        }
        return parts.isEmpty() ? "" : "<- " + String.join(", ", parts);
    }

    private static String calls(Map<Instruction, Set<Mark>> marks) {
        long calls = marks.values().stream().filter(m -> m.contains(Mark.CALL)).count();
        return calls == 0 ? "no call in it: everything the benchmark calls is inlined"
                : calls + " call(s) in it, marked CALL: those callees are not inlined";
    }

    /**
     * A count of the instructions the claims are about, e.g. "lock cmpxchg x1; store x1; 3 exit(s), 3 to
     * uncommon traps", and, where there is neither a lock prefix nor a fence, that there is none.
     */
    public static String summary(HotLoop loop) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        boolean ordered = false;
        for (Map.Entry<Instruction, Set<Mark>> e : marks(loop).entrySet()) {
            Set<Mark> m = e.getValue();
            String mnemonic = e.getKey().mnemonic();
            ordered |= m.contains(Mark.LOCKED) || m.contains(Mark.XCHG_MEMORY) || m.contains(Mark.FENCE);
            String what = m.contains(Mark.LOCKED) ? "lock " + mnemonic
                    : m.contains(Mark.XCHG_MEMORY) || m.contains(Mark.FENCE) ? mnemonic
                    : m.contains(Mark.RMW_MEMORY) ? mnemonic + " to memory"
                    : m.contains(Mark.READS_MEMORY) ? mnemonic + " from memory"
                    : m.contains(Mark.STORE) ? "store"
                    : null;
            if (what != null) {
                counts.merge(what, 1, Integer::sum);
            }
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((k, v) -> parts.add(k + " x" + v));
        if (!ordered) {
            parts.add("no lock prefix, no fence");
        }
        long traps = loop.exits().stream().filter(HotLoop.Exit::toUncommonTrap).count();
        parts.add(loop.exits().size() + " exit(s), " + traps + " to uncommon traps");
        return String.join("; ", parts);
    }

    private static void header(StringBuilder out, String format, Object... args) {
        out.append(("# " + String.format(Locale.ROOT, format, args)).stripTrailing()).append('\n');
    }

    private static void field(StringBuilder out, String key, String value) {
        header(out, "%-11s%s", key, value);
    }
}
