package dev.pageflags.mm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * {@code spinlock_t}: acquire on lock, release on unlock, and nothing stronger.
 *
 * <p>Not {@code synchronized} and not a {@code ReentrantLock}: on x86 a monitor exit may be a locked
 * instruction, a full barrier the kernel's {@code spin_unlock} (a plain store there) does not give.
 * A stronger unlock would hide the store-buffer race of seed 003 instead of replaying it.
 */
public final class SpinLock {
    private static final VarHandle LOCKED;

    static {
        try {
            LOCKED = MethodHandles.lookup().findVarHandle(SpinLock.class, "locked", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through LOCKED
    private volatile int locked;

    /** {@code spin_lock}: spins until it takes the lock, with acquire ordering. */
    public void lock() {
        while (!LOCKED.weakCompareAndSetAcquire(this, 0, 1)) {
            // Test before retrying the CAS, so waiters spin on a shared cache line, not on RFOs.
            while ((int) LOCKED.getOpaque(this) != 0) {
                Thread.onSpinWait();
            }
        }
    }

    /** {@code spin_trylock}. */
    public boolean trylock() {
        return (int) LOCKED.getOpaque(this) == 0 && (int) LOCKED.compareAndExchangeAcquire(this, 0, 1) == 0;
    }

    /** {@code spin_unlock}: a release store. */
    public void unlock() {
        assert isLocked() : "spin_unlock of an unlocked spinlock";
        LOCKED.setRelease(this, 0);
    }

    /** {@code spin_is_locked}: for assertions ({@code lockdep_assert_held}), not for decisions. */
    public boolean isLocked() {
        return (int) LOCKED.getOpaque(this) != 0;
    }
}
