package dev.pageflags.mm.v5_17;

import dev.pageflags.mm.Page;
import dev.pageflags.mm.Variant;

import static dev.pageflags.mm.PageFlag.PG_isolated;

/**
 * PG_isolated's helpers as {@code include/linux/page-flags.h} generated them in 5.17, and after
 * the fix of race 004.
 *
 * <p>In 5.17 the flag was declared {@code __PAGEFLAG(Isolated, isolated, PF_ANY)}, which generates
 * only the non-atomic {@code __SetPageIsolated} and {@code __ClearPageIsolated}. Migration calls
 * them on a page it holds locked, and the reasoning was that the page lock excludes every other
 * writer of the flags. It does not: a task waiting for that very lock sets PG_waiters in the same
 * word, atomically but without the page lock, and a non-atomic read-modify-write of the word can
 * overwrite it.
 *
 * <p>Commit 356ea3865687 ("mm/migrate: fix race between lock page and clear PG_Isolated") changed
 * the declaration to {@code PAGEFLAG(Isolated, isolated, PF_ANY)} and every caller to the atomic
 * {@code SetPageIsolated} / {@code ClearPageIsolated}. The model's broken and fixed variants differ
 * in exactly these two methods; the callers in {@link Migrate} are shared.
 */
public final class IsolatedPageFlag {
    private IsolatedPageFlag() {
    }

    /** {@code PageIsolated(page)}: a plain test, the same before and after the fix. */
    public static boolean pageIsolated(Page page) {
        return page.test(PG_isolated);
    }

    /** 5.17: {@code __SetPageIsolated(page)}; fixed: {@code SetPageIsolated(page)}. */
    public static void setPageIsolated(Page page, Variant variant) {
        if (variant.isFixed()) {
            page.set(PG_isolated);
        } else {
            page.__set(PG_isolated);
        }
    }

    /** 5.17: {@code __ClearPageIsolated(page)}; fixed: {@code ClearPageIsolated(page)}. */
    public static void clearPageIsolated(Page page, Variant variant) {
        if (variant.isFixed()) {
            page.clear(PG_isolated);
        } else {
            page.__clear(PG_isolated);
        }
    }
}
