package dev.pageflags.mm.v5_17;

import dev.pageflags.mm.Filemap;
import dev.pageflags.mm.MemMap;
import dev.pageflags.mm.Page;
import dev.pageflags.mm.PageFlagsBug;
import dev.pageflags.mm.Variant;
import dev.pageflags.mm.WaitPageQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static dev.pageflags.mm.PageFlag.PG_dirty;
import static dev.pageflags.mm.PageFlag.PG_isolated;
import static dev.pageflags.mm.PageFlag.PG_locked;
import static dev.pageflags.mm.PageFlag.PG_waiters;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 5.17 movable-page paths one step at a time, with no second thread racing them: both variants
 * must behave alike here, since the fix changed only how PG_isolated is written, not what is written.
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MigrateTest {
    private static final long JOIN_MILLIS = 5_000;

    private final MemMap map = MemMap.builder().pages(2).debugPgflags(false).build();
    private final BalloonDevInfo balloon = new BalloonDevInfo();
    private final Page page = map.page(0);

    /** A page the balloon owns: one reference, on the balloon's list, unlocked, not isolated. */
    private Page balloonPage() {
        page.getPage();
        balloon.balloonPageInsert(page);
        return page;
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void isolationTakesAReferenceMarksThePageAndUnlocksIt(Variant variant) {
        Page p = balloonPage();
        assertTrue(new Migrate(variant, balloon).isolateMovablePage(p));
        assertTrue(p.test(PG_isolated));
        assertFalse(p.test(PG_locked), "isolate_movable_page unlocks before returning");
        assertEquals(2, p.refcount(), "the isolated page keeps compaction's reference");
        assertEquals(0, balloon.nrPages());
        assertEquals(1, balloon.isolatedPages());
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void anIsolatedPageIsNotIsolatedTwice(Variant variant) {
        Page p = balloonPage();
        Migrate migrate = new Migrate(variant, balloon);
        assertTrue(migrate.isolateMovablePage(p));
        assertFalse(migrate.isolateMovablePage(p));
        assertEquals(2, p.refcount(), "the failed attempt dropped its reference");
        assertFalse(p.test(PG_locked));
        assertEquals(1, balloon.isolatedPages());
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void aLockedPageIsSkippedWithoutSleeping(Variant variant) {
        Page p = balloonPage();
        Filemap.lockPage(p);
        assertFalse(new Migrate(variant, balloon).isolateMovablePage(p), "trylock_page fails");
        assertTrue(p.test(PG_locked), "the other holder still has it");
        assertFalse(p.test(PG_isolated));
        assertEquals(1, p.refcount());
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void aPageBeingFreedIsSkipped(Variant variant) {
        Page free = map.page(1);
        assertFalse(new Migrate(variant, balloon).isolateMovablePage(free), "get_page_unless_zero fails");
        assertEquals(0, free.refcount());
        assertFalse(free.test(PG_locked));
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void aDriverRefusalLeavesThePageAsItWas(Variant variant) {
        Page p = balloonPage();
        MovableOperations refusing = new MovableOperations() {
            @Override
            public boolean isolatePage(Page pg) {
                return false;
            }

            @Override
            public void putbackPage(Page pg) {
                throw new AssertionError("never isolated");
            }
        };
        assertFalse(new Migrate(variant, refusing).isolateMovablePage(p));
        assertFalse(p.test(PG_isolated));
        assertFalse(p.test(PG_locked));
        assertEquals(1, p.refcount());
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void putbackUndoesIsolationAndKeepsTheOtherFlags(Variant variant) {
        Page p = balloonPage();
        p.set(PG_dirty);
        Migrate migrate = new Migrate(variant, balloon);
        assertTrue(migrate.isolateMovablePage(p));
        List<Page> migratepages = new ArrayList<>(List.of(p));

        migrate.putbackMovablePages(migratepages);

        assertTrue(migratepages.isEmpty(), "list_del took the page off the list");
        assertFalse(p.test(PG_isolated));
        assertFalse(p.test(PG_locked));
        assertTrue(p.test(PG_dirty), "a bit nobody raced on survives the whole-word write");
        assertEquals(1, p.refcount(), "put_page dropped compaction's reference");
        assertEquals(1, balloon.nrPages());
        assertEquals(0, balloon.isolatedPages());
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void puttingBackAPageThatIsNotIsolatedIsABug(Variant variant) {
        Page p = balloonPage();
        List<Page> migratepages = new ArrayList<>(List.of(p));
        assertThrows(PageFlagsBug.class, () -> new Migrate(variant, balloon).putbackMovablePages(migratepages));
    }

    /**
     * The interleaving that works: the waiter sets PG_waiters and queues before the holder reads the
     * flags word, so even the non-atomic clear writes PG_waiters back, and unlock_page wakes it.
     */
    @ParameterizedTest
    @EnumSource(Variant.class)
    void aWaiterQueuedBeforeTheClearIsWoken(Variant variant) throws InterruptedException {
        Page p = balloonPage();
        Migrate migrate = new Migrate(variant, balloon);
        assertTrue(migrate.isolateMovablePage(p));
        Filemap.lockPage(p); // putback_movable_pages' lock_page

        // The queueing half of lock_page() never blocks; a separate thread keeps the wake-up's
        // unpark away from the test thread.
        AtomicReference<WaitPageQueue> queued = new AtomicReference<>();
        WaitPageQueue entry = new WaitPageQueue();
        Thread waiter = new Thread(() -> queued.set(Filemap.queueForPageLock(p, entry) ? entry : null));
        waiter.setDaemon(true);
        waiter.start();
        waiter.join(JOIN_MILLIS);
        assertFalse(waiter.isAlive(), "the queueing half of lock_page() never blocks, yet it did not return");
        WaitPageQueue wait = queued.get();
        assertNotNull(wait, "the page is locked, so the waiter queued");
        assertTrue(p.test(PG_waiters));

        migrate.putbackMovablePage(p);
        assertTrue(p.test(PG_waiters), "nothing raced the clear, so PG_waiters was written back");
        Filemap.unlockPage(p);

        assertTrue(wait.isWoken(), "unlock_page saw PG_waiters and woke the waiter");
    }

    /** The real blocking lock_page() of another task, sleeping while compaction puts the page back. */
    @ParameterizedTest
    @EnumSource(Variant.class)
    void aSleepingLockPageReturnsAfterPutback(Variant variant) throws InterruptedException {
        Page p = balloonPage();
        Migrate migrate = new Migrate(variant, balloon);
        assertTrue(migrate.isolateMovablePage(p));
        Filemap.lockPage(p);

        Thread task = new Thread(() -> {
            Filemap.lockPage(p);
            Filemap.unlockPage(p);
        });
        task.setDaemon(true);
        task.start();
        // Test-side wait until the task is asleep on the page (PG_waiters set under the queue lock);
        // a waiter that never sets PG_waiters would otherwise keep this loop going for ever.
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(JOIN_MILLIS);
        while (!p.test(PG_waiters) || task.getState() != Thread.State.WAITING) {
            assertTrue(System.nanoTime() < deadline, () -> "lock_page() of a locked page never went to sleep with"
                    + " PG_waiters set: task " + task.getState() + ", " + p);
            Thread.onSpinWait();
        }

        migrate.putbackMovablePage(p);
        Filemap.unlockPage(p);
        p.putPage();

        task.join(JOIN_MILLIS);
        assertFalse(task.isAlive(), "lock_page() returned");
        assertFalse(p.test(PG_locked));
    }
}
