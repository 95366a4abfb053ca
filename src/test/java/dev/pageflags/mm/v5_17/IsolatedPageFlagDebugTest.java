package dev.pageflags.mm.v5_17;

import dev.pageflags.mm.MemMap;
import dev.pageflags.mm.Page;
import dev.pageflags.mm.PageFlagsBug;
import dev.pageflags.mm.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

import static dev.pageflags.mm.PageFlag.PG_isolated;
import static dev.pageflags.mm.PageFlag.PG_locked;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Race 004 caught without any luck: with the model's debug mode on (Matthew Wilcox's
 * VM_BUG_ON_PGFLAGS proposal in seed 004, with Hugh Dickins' exception for a fresh page), the
 * 5.17 code trips the check the first time it runs, on one thread, because it updates PG_isolated
 * non-atomically on a page that others can reach. The fixed code passes the same check.
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class IsolatedPageFlagDebugTest {
    private final MemMap map = MemMap.builder().pages(2).debugPgflags(true).build();
    private final BalloonDevInfo balloon = new BalloonDevInfo();

    /** A balloon page as isolate_movable_page leaves it: PG_isolated, compaction's reference, unlocked. */
    private Page isolated() {
        Page page = map.page(0);
        page.getPage(); // the balloon's reference
        balloon.balloonPageInsert(page);
        page.getPage(); // compaction's reference from isolation
        page.set(PG_isolated); // atomically: the setup itself must not trip the check
        return page;
    }

    @Test
    void theBrokenClearUnderThePageLockIsReported() {
        Page page = isolated();
        List<Page> migratepages = new ArrayList<>(List.of(page));

        PageFlagsBug bug = assertThrows(PageFlagsBug.class,
                () -> new Migrate(Variant.BROKEN, balloon).putbackMovablePages(migratepages));

        String msg = bug.getMessage();
        assertTrue(msg.contains("__ClearPageIsolated"), "names the operation and the flag: " + msg);
        assertTrue(msg.contains("pfn 0"), "names the page: " + msg);
        assertTrue(msg.contains("refcount 2"), "says why others can see it: " + msg);
        assertTrue(page.test(PG_isolated), "the reported update did not run");
        assertTrue(page.test(PG_locked), "it was caught inside putback_movable_pages' locked section");
    }

    @Test
    void theBrokenSetInIsolationIsReportedToo() {
        Page page = map.page(0);
        page.getPage();
        balloon.balloonPageInsert(page);

        PageFlagsBug bug = assertThrows(PageFlagsBug.class,
                () -> new Migrate(Variant.BROKEN, balloon).isolateMovablePage(page));

        String msg = bug.getMessage();
        assertTrue(msg.contains("__SetPageIsolated"), msg);
        assertTrue(msg.contains("pfn 0"), msg);
    }

    @Test
    void theFixedPathPassesTheCheck() {
        Page page = map.page(0);
        page.getPage();
        balloon.balloonPageInsert(page);
        Migrate migrate = new Migrate(Variant.FIXED, balloon);

        assertTrue(assertDoesNotThrow(() -> migrate.isolateMovablePage(page)));
        List<Page> migratepages = new ArrayList<>(List.of(page));
        assertDoesNotThrow(() -> migrate.putbackMovablePages(migratepages));

        assertFalse(page.test(PG_isolated));
        assertFalse(page.test(PG_locked));
        assertEquals(1, page.refcount());
    }

    @Test
    void theNonAtomicHelpersAreAcceptedOnAFreshUnpublishedPage() {
        Page fresh = map.allocPage();
        assertEquals(1, fresh.refcount());
        assertFalse(fresh.isPublished());

        assertDoesNotThrow(() -> IsolatedPageFlag.setPageIsolated(fresh, Variant.BROKEN),
                "Hugh Dickins: refcount 1 and not yet visible to anyone");
        assertDoesNotThrow(() -> IsolatedPageFlag.clearPageIsolated(fresh, Variant.BROKEN));
        assertFalse(fresh.test(PG_isolated));
    }

    @Test
    void theSameHelpersAreReportedOnceThePageIsPublished() {
        Page page = map.allocPage();
        page.publish();

        PageFlagsBug bug = assertThrows(PageFlagsBug.class,
                () -> IsolatedPageFlag.setPageIsolated(page, Variant.BROKEN));
        assertTrue(bug.getMessage().contains("__SetPageIsolated"), bug.getMessage());
    }
}
