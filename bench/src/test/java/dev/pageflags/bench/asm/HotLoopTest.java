package dev.pageflags.bench.asm;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The loop choice on small hand-made listings, shaped like C2's (addresses are offsets). */
class HotLoopTest {
    private static final String STUB = "pkg.X_y_jmhTest::y_avgt_jmhStub";

    private static Instruction at(long address, String text, String... before) {
        return new Instruction(address, text, List.of(before), List.of());
    }

    /** A stub loop around a CAS retry loop that keeps its own poll, and a slow path jumping back in. */
    private static final List<Instruction> NESTED = List.of(
            at(0x00, "mov 0x1c(%r8),%r10d"),
            at(0x04, "mov (%r10),%rax"),
            at(0x08, "lock cmpxchg %rcx,(%r10)"),
            at(0x0e, "test %eax,(%r11)", "; ImmutableOopMap {}", "; - pkg.Bitops::setBit@22 (line 41)",
                    "; - " + STUB + "@15 (line 190)", ";   {poll}"),
            at(0x11, "jne 0x04"),
            at(0x17, "add $0x1,%rbp"),
            at(0x1b, "test %eax,(%r11)", "; ImmutableOopMap {}", "; - (reexecute) " + STUB + "@28 (line 192)",
                    ";   {poll}"),
            at(0x1e, "je 0x00"),
            at(0x24, "ret"),
            at(0x25, "call 0x99"),
            at(0x2a, "jmp 0x17"));

    @Test
    void theStubsLoopIsTheOneAroundThePollOfTheStubItself() {
        HotLoop loop = HotLoop.find(NESTED, STUB).orElseThrow();
        assertEquals(0x00, loop.start(), "not the inner retry loop at 0x04");
        assertEquals(0x1e, loop.end(), "not the slow path's jump back, which spans the ret");
        assertTrue(loop.exits().isEmpty());
    }

    @Test
    void withoutFramesInTheDebugInfoTheShortestPolledLoopIsTaken() {
        List<Instruction> bare = NESTED.stream()
                .map(i -> new Instruction(i.address(), i.text(),
                        i.commentsBefore().stream().filter(c -> !c.startsWith("; - ")).toList(), List.of()))
                .toList();
        assertEquals(0x04, HotLoop.find(bare, STUB).orElseThrow().start());
    }

    @Test
    void branchesOutOfTheLoopAreExitsAndTheirTargetsAreNamed() {
        List<Instruction> code = List.of(
                at(0x00, "mov (%r10),%rax"),
                at(0x04, "jne 0x40"),
                at(0x08, "jb 0x50"),
                at(0x0a, "test %eax,(%r11)", ";   {poll}"),
                at(0x0d, "je 0x00"),
                at(0x40, "mov $0xffffffe4,%esi"),
                at(0x45, "call 0x99", ";   {runtime_call UncommonTrapBlob}"),
                at(0x50, "call 0x77", ";   {runtime_call Stub::slow_path}"),
                at(0x55, "mov $0xffffffe4,%esi", ";   {runtime_call UncommonTrapBlob}"));
        HotLoop loop = HotLoop.find(code, STUB).orElseThrow();
        assertEquals(List.of(0x40L, 0x50L), loop.exits().stream().map(HotLoop.Exit::target).toList());
        assertTrue(loop.exits().get(0).toUncommonTrap());
        assertFalse(loop.exits().get(1).toUncommonTrap(), "a runtime call, and the trap after it is another block's");
    }

    @Test
    void aBackwardBranchWithoutAPollIsNoLoopOfTheStub() {
        assertTrue(HotLoop.find(List.of(at(0x00, "pause"), at(0x02, "jne 0x00")), STUB).isEmpty());
    }
}
