package dev.pageflags.bench.asm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hot loop of a JMH stub. JMH's stub calls the benchmark in a {@code do ... while (!isDone)}
 * loop, and C2 keeps a safepoint poll in it, whose debug info names the stub itself as the innermost
 * frame (a poll in a loop of the inlined benchmark code names that code first). The loop is the
 * shortest backward branch around such a poll that holds no {@code ret} (a slow path jumping back
 * into the method spans its epilogue); where the debug info names no frame, any poll will do. C2
 * may peel a first pass before the loop or unroll it, so the body can hold the operation more
 * than once.
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

    /** The loop of {@code stubMethod} ({@code package.Class::method}, as the nmethod names it). */
    public static Optional<HotLoop> find(List<Instruction> code, String stubMethod) {
        int bestFrom = -1;
        int bestTo = -1;
        boolean bestIsStubs = false;
        for (int j = 0; j < code.size(); j++) {
            OptionalLong target = target(code.get(j));
            if (target.isEmpty() || target.getAsLong() > code.get(j).address()) {
                continue;
            }
            int i = indexOf(code, target.getAsLong());
            if (i < 0 || hasReturn(code, i, j)) {
                continue;
            }
            Optional<Boolean> poll = poll(code, i, j, stubMethod);
            if (poll.isEmpty()) {
                continue;
            }
            boolean stubs = poll.get();
            boolean better = bestFrom < 0 || stubs && !bestIsStubs
                    || stubs == bestIsStubs && j - i < bestTo - bestFrom;
            if (better) {
                bestFrom = i;
                bestTo = j;
                bestIsStubs = stubs;
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

    /** Empty when no poll lies in the range; true when one of its polls is the stub's own. */
    private static Optional<Boolean> poll(List<Instruction> code, int from, int to, String stubMethod) {
        Optional<Boolean> found = Optional.empty();
        for (int k = from; k <= to; k++) {
            if (code.get(k).hasComment("{poll}")) {
                if (innermostFrame(code, k).map(f -> f.contains(stubMethod + "@")).orElse(false)) {
                    return Optional.of(true);
                }
                found = Optional.of(false);
            }
        }
        return found;
    }

    /**
     * The first frame line ("; - pkg.Class::method@bci") of the debug info nearest a poll. HotSpot
     * may record it a few bytes before the poll instruction (and hsdis prints it on the instruction
     * before), so the poll and the two instructions before it are looked at, nearest first.
     */
    private static Optional<String> innermostFrame(List<Instruction> code, int poll) {
        List<List<String>> nearestFirst = new ArrayList<>();
        for (int k = poll; k >= Math.max(0, poll - 2); k--) {
            if (k == poll) {
                nearestFirst.add(code.get(k).commentsBefore());
                nearestFirst.add(code.get(k).commentsAfter());
            } else {
                nearestFirst.add(code.get(k).commentsAfter());
                nearestFirst.add(code.get(k).commentsBefore());
            }
        }
        for (List<String> comments : nearestFirst) {
            for (String c : comments) {
                if (c.startsWith("; - ")) {
                    return Optional.of(c);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean hasReturn(List<Instruction> code, int from, int to) {
        for (int k = from; k <= to; k++) {
            if (code.get(k).mnemonic().startsWith("ret")) {
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
     * HotSpot names the uncommon-trap blob in a relocation comment at its call (before the call in a
     * byte listing, after it in an hsdis listing); the block from the target up to its first call,
     * jump or return is looked at.
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
                return false;
            }
        }
        return false;
    }
}
