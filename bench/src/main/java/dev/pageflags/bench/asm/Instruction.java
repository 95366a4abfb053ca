package dev.pageflags.bench.asm;

import java.util.List;

/**
 * One decoded instruction of a listing, in AT&amp;T syntax, with HotSpot's comments around it
 * (relocations, oop maps, the inlined frames recorded at a pc): before it when they come from a byte
 * listing, after it when hsdis printed them on its line.
 */
public record Instruction(long address, String text, List<String> commentsBefore, List<String> commentsAfter) {

    public Instruction {
        text = text.strip().replaceAll("\\s+", " ");
        commentsBefore = List.copyOf(commentsBefore);
        commentsAfter = List.copyOf(commentsAfter);
    }

    /** The mnemonic without a lock prefix, e.g. {@code cmpxchg} for {@code lock cmpxchg %rcx,(%r10)}. */
    public String mnemonic() {
        String[] words = text.split(" ");
        return words[0].equals("lock") && words.length > 1 ? words[1] : words[0];
    }

    /** The operands as printed, or the empty string. */
    public String operands() {
        String[] words = text.split(" ", text.startsWith("lock ") ? 3 : 2);
        int at = text.startsWith("lock ") ? 2 : 1;
        return words.length > at ? words[at] : "";
    }

    public boolean hasComment(String fragment) {
        return commentsBefore.stream().anyMatch(c -> c.contains(fragment))
                || commentsAfter.stream().anyMatch(c -> c.contains(fragment));
    }
}
