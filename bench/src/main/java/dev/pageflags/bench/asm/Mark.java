package dev.pageflags.bench.asm;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an excerpt points out on an instruction line: the instructions the project's claims are
 * about (locked RMWs, fences, plain RMWs and stores of memory) and the loop's shape (calls, polls,
 * exits). x86-64 in AT&amp;T syntax, the syntax of both objdump and hsdis.
 */
public enum Mark {
    LOCKED("lock-prefixed read-modify-write: atomic, and a full barrier on x86"),
    XCHG_MEMORY("xchg with memory: locked without a prefix, a full barrier"),
    FENCE("fence instruction"),
    RMW_MEMORY("read-modify-write of memory with no lock prefix: not atomic"),
    READS_MEMORY("an operation with a memory operand (a load folded into it)"),
    STORE("plain store to memory"),
    CALL("call: the callee is not inlined here"),
    POLL("safepoint poll"),
    EXIT("branch out of the loop");

    private static final Pattern ALU = Pattern.compile(
            "(add|sub|and|or|xor|adc|sbb|inc|dec|neg|not|bts|btr|btc|shl|shr|sal|sar|rol|ror|xadd|cmpxchg)[bwlq]?");
    private static final Pattern MOVE = Pattern.compile("mov[bwlq]?");
    private static final Pattern FENCES = Pattern.compile("[lms]fence");

    private final String meaning;

    Mark(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }

    /** The marks of one instruction, exits aside (they depend on the loop, see {@link HotLoop}). */
    public static Set<Mark> of(Instruction insn) {
        Set<Mark> marks = EnumSet.noneOf(Mark.class);
        String m = insn.mnemonic();
        List<String> ops = operands(insn.operands());
        boolean memDest = !ops.isEmpty() && isMemory(ops.get(ops.size() - 1));
        boolean memAny = ops.stream().anyMatch(Mark::isMemory);
        if (insn.text().startsWith("lock ")) {
            marks.add(LOCKED);
        } else if (m.startsWith("xchg") && memAny) {
            marks.add(XCHG_MEMORY);
        } else if (FENCES.matcher(m).matches()) {
            marks.add(FENCE);
        } else if (ALU.matcher(m).matches() && memDest) {
            marks.add(RMW_MEMORY);
        } else if (ALU.matcher(m).matches() && memAny) {
            marks.add(READS_MEMORY);
        } else if (MOVE.matcher(m).matches() && memDest) {
            marks.add(STORE);
        } else if (m.startsWith("call")) {
            marks.add(CALL);
        }
        if (insn.hasComment("{poll}")) {
            marks.add(POLL);
        }
        return marks;
    }

    /** AT&amp;T memory operand: a base/index in parentheses, e.g. {@code 0x10(%r10,%r8,8)}. */
    private static boolean isMemory(String operand) {
        return operand.contains("(");
    }

    /** Operands split at the commas between them, not those inside a memory operand's parentheses. */
    static List<String> operands(String text) {
        int hash = text.indexOf('#');
        String ops = (hash < 0 ? text : text.substring(0, hash)).strip();
        List<String> out = new ArrayList<>();
        if (ops.isEmpty()) {
            return out;
        }
        int depth = 0;
        int from = 0;
        for (int i = 0; i < ops.length(); i++) {
            char c = ops.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(ops.substring(from, i).strip());
                from = i + 1;
            }
        }
        out.add(ops.substring(from).strip());
        return out;
    }
}
