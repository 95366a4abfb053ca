package dev.pageflags.bench.asm;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MarkTest {

    private static Set<Mark> marks(String text, String... comments) {
        return Mark.of(new Instruction(0x1000, text, List.of(comments), List.of()));
    }

    @Test
    void lockedAndImplicitlyLockedInstructionsAndFences() {
        assertEquals(Set.of(Mark.LOCKED), marks("lock cmpxchg %rcx,0x10(%r11,%rbx,8)"));
        assertEquals(Set.of(Mark.LOCKED), marks("lock addl $0x0,-0x40(%rsp)"));
        assertEquals(Set.of(Mark.XCHG_MEMORY), marks("xchg %eax,(%rdx)"));
        assertEquals(Set.of(), marks("xchg %ax,%ax"), "a two-byte nop, no memory");
        assertEquals(Set.of(Mark.FENCE), marks("mfence"));
    }

    @Test
    void plainMemoryOperationsByWhereTheMemoryOperandIs() {
        assertEquals(Set.of(Mark.RMW_MEMORY), marks("or %rdi,0x10(%r11,%r8,8)"));
        assertEquals(Set.of(Mark.RMW_MEMORY), marks("orq $0x2,0x10(%r10)"));
        assertEquals(Set.of(Mark.READS_MEMORY), marks("or 0x10(%r11,%r8,8),%rdi"));
        assertEquals(Set.of(Mark.STORE), marks("mov %rdi,0x10(%r10,%r8,8)"));
        assertEquals(Set.of(), marks("mov 0x10(%r10,%r8,8),%rdi"), "a load is not marked");
        assertEquals(Set.of(), marks("lea (%r12,%rsi,8),%rcx"), "lea reads no memory");
        assertEquals(Set.of(), marks("or %rbx,%rbp"));
    }

    @Test
    void callsAndPolls() {
        assertEquals(Set.of(Mark.CALL), marks("call *%r10"));
        assertEquals(Set.of(Mark.POLL), marks("test %eax,(%r11)", ";   {poll}"));
        assertEquals(Set.of(), marks("cmp 0x340(%r15),%rsp", ";   {poll_return}"), "a return poll is not the loop's");
    }

    @Test
    void operandsSplitOutsideParentheses() {
        assertEquals(List.of("%rcx", "0x10(%r11,%rbx,8)"), Mark.operands("%rcx,0x10(%r11,%rbx,8)"));
        assertEquals(List.of("0x10(%rip)", "%rax"), Mark.operands("0x10(%rip),%rax # 0x7f0000001234"));
        assertEquals(List.of(), Mark.operands(""));
    }
}
