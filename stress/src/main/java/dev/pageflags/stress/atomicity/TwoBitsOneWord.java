package dev.pageflags.stress.atomicity;

import org.openjdk.jcstress.infra.results.ZZ_Result;

import java.util.concurrent.atomic.AtomicLongArray;

import static dev.pageflags.mm.PageFlag.PG_locked;
import static dev.pageflags.mm.PageFlag.PG_waiters;
import static dev.pageflags.mm.Rwonce.readOnce;

/**
 * One page flags word and two operations racing on two different bits of it: {@code op1} on
 * PG_locked (bit 0), {@code op2} on PG_waiters (bit 7), the pair the kernel keeps in one byte so
 * that unlock_page() can clear one and test the other with a single locked instruction.
 *
 * <p>Each sample starts with each bit in the state its operation changes, runs the two operations
 * once each, and the arbiter asks whether both updates are in the word. r1: op1's update held;
 * r2: op2's. Each actor does nothing but its operation, so the two meet in the window as often as
 * the stride lets them.
 */
public abstract class TwoBitsOneWord {
    static final int BIT1 = PG_locked.bit();
    static final int BIT2 = PG_waiters.bit();

    /** Both updates are in the word. */
    static final String BOTH_HELD = "true, true";
    /** op1's update lost (its bit overwritten with the old value by op2's write-back). */
    static final String OP1_LOST = "false, true";
    /** op2's update lost (overwritten by op1's write-back). */
    static final String OP2_LOST = "true, false";

    private final BitOp op1;
    private final BitOp op2;
    private final AtomicLongArray flags = new AtomicLongArray(1);

    protected TwoBitsOneWord(BitOp op1, BitOp op2) {
        this.op1 = op1;
        this.op2 = op2;
        flags.set(0, op1.initialBit(BIT1) | op2.initialBit(BIT2));
    }

    /** Actor 1's whole work. */
    protected final void runOp1() {
        op1.apply(BIT1, flags);
    }

    /** Actor 2's whole work. */
    protected final void runOp2() {
        op2.apply(BIT2, flags);
    }

    /** The arbiter's check. (JCStress finds only the annotated methods a test class declares itself.) */
    protected final void reportBothHeld(ZZ_Result r) {
        long word = readOnce(flags, 0);
        r.r1 = op1.heldIn(word, BIT1);
        r.r2 = op2.heldIn(word, BIT2);
    }
}
