package dev.pageflags.bench.asm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hot loop of a JMH stub: the innermost backward branch whose body holds a safepoint poll.
 * JMH's stub calls the benchmark in a {@code do ... while (!isDone)} loop, and C2 keeps a poll in
 * every loop it does not know to be short; the benchmark's inlined code sits in that body (C2 may
 * peel a first pass before it or unroll it, so the body can hold the operation more than once).
 *
 * @param body  the instructions from the branch target to the backward branch, both included
 * @param exits branches from the body to code outside it, each with what the target is
 */
public record HotLoop(List<Instruction> body, List<Exit> exits) {
    /** "je 0x7f1a08f0e0d0", "jne 0x00007f...": a direct branch and its target. */
    private static final Pattern BRANCH = Pattern.compile("^j[a-z]+ (?:0x)?([0-9a-f]+)\\b.*");
    /** How far past an exit's target to look for the call that says where it goes. */
    private static final int TRAP_LOOKAHEAD = 40;

    /**
     * A branch leaving the loop.
     *
     * @param toUncommonTrap the target calls HotSpot's uncommon trap: a path C2 never saw taken while
     *                       profiling, left uncompiled; taking it deoptimises the method
     */
    public record Exit(Instruction branch, long target, boolean toUncommonTrap) {
    }

    public long start() {
        return body.get(0).address();
    }

    public long end() {
        return body.get(body.size() - 1).address();
    }

    public static Optional<HotLoop> find(List<Instruction> code) {
        int bestFrom = -1;
        int bestTo = -1;
        for (int j = 0; j < code.size(); j++) {
            OptionalLong target = target(code.get(j));
            if (target.isEmpty() || target.getAsLong() > code.get(j).address()) {
                continue;
            }
            int i = indexOf(code, target.getAsLong());
            if (i < 0 || !hasPoll(code, i, j)) {
                continue;
            }
            if (bestFrom < 0 || j - i < bestTo - bestFrom) {
                bestFrom = i;
                bestTo = j;
            }
        }
        if (bestFrom < 0) {
            return Optional.empty();
        }
        List<Instruction> body = code.subList(bestFrom, bestTo + 1);
        List<Exit> exits = new ArrayList<>();
        long first = body.get(0).address();
        long last = body.get(body.size() - 1).address();
        for (Instruction insn : body) {
            OptionalLong t = target(insn);
            if (t.isPresent() && (t.getAsLong() < first || t.getAsLong() > last)) {
                exits.add(new Exit(insn, t.getAsLong(), leadsToUncommonTrap(code, t.getAsLong())));
            }
        }
        return Optional.of(new HotLoop(List.copyOf(body), List.copyOf(exits)));
    }

    /** The exit leaving from this instruction, if it is one. */
    public Optional<Exit> exitAt(Instruction insn) {
        return exits.stream().filter(e -> e.branch().address() == insn.address()).findFirst();
    }

    static OptionalLong target(Instruction insn) {
        Matcher m = BRANCH.matcher(insn.text());
        return m.matches() ? OptionalLong.of(Long.parseUnsignedLong(m.group(1), 16)) : OptionalLong.empty();
    }

    private static boolean hasPoll(List<Instruction> code, int from, int to) {
        for (int k = from; k <= to; k++) {
            if (code.get(k).hasComment("{poll}")) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(List<Instruction> code, long address) {
        for (int k = 0; k < code.size(); k++) {
            if (code.get(k).address() == address) {
                return k;
            }
        }
        return -1;
    }

    /**
     * HotSpot names the uncommon-trap blob in a relocation comment at its call: before the call in a
     * byte listing, after it in an hsdis listing, so the instruction after the call is looked at too.
     */
    private static boolean leadsToUncommonTrap(List<Instruction> code, long target) {
        int k = indexOf(code, target);
        if (k < 0) {
            return false;
        }
        for (int n = k; n < Math.min(code.size(), k + TRAP_LOOKAHEAD); n++) {
            Instruction insn = code.get(n);
            if (insn.hasComment("UncommonTrapBlob")) {
                return true;
            }
            if (insn.mnemonic().startsWith("call") || insn.mnemonic().startsWith("jmp") || insn.mnemonic().startsWith("ret")) {
                return n + 1 < code.size() && code.get(n + 1).hasComment("UncommonTrapBlob");
            }
        }
        return false;
    }
}
