package dev.pageflags.mm.v2_6_32;

import dev.pageflags.mm.Bitops;
import dev.pageflags.mm.MemMap;
import dev.pageflags.mm.Page;
import dev.pageflags.mm.PageFlag;
import dev.pageflags.mm.PageFlagsBug;
import dev.pageflags.mm.Rwonce;
import dev.pageflags.mm.SpinLock;

import java.util.concurrent.atomic.AtomicLongArray;

import static dev.pageflags.mm.PageFlag.PG_mlocked;

/**
 * The page-flag helpers whose meaning depends on the {@link FlagLayout}: PG_mlocked's word, and
 * the stores of the bits the lru lock guards. Every other flag goes through {@link Page}'s helpers
 * as usual.
 */
public final class UnevictableFlags {
    private final FlagLayout layout;
    private final MemMap map;
    private final AtomicLongArray words;
    private final SpinLock lruLock;
    /** Offset of PG_mlocked's word from page->flags: 0, or 1 for the next word of struct page. */
    private final int mlockedWord;

    UnevictableFlags(FlagLayout layout, MemMap map) {
        this.layout = layout;
        this.map = map;
        this.words = map.flagWords();
        this.lruLock = map.lruvec().lruLock();
        this.mlockedWord = layout.mlockedWord;
    }

    public FlagLayout layout() {
        return layout;
    }

    /** {@code PageMlocked(page)}: {@code test_bit}, a single unordered read. */
    public boolean pageMlocked(Page page) {
        return Bitops.testBit(PG_mlocked.bit(), words, mlockedIndex(page));
    }

    /** {@code TestSetPageMlocked(page)}: atomic and fully ordered. */
    public boolean testSetPageMlocked(Page page) {
        return Bitops.testAndSetBit(PG_mlocked.bit(), words, mlockedIndex(page));
    }

    /** {@code TestClearPageMlocked(page)}: atomic and fully ordered. */
    public boolean testClearPageMlocked(Page page) {
        return Bitops.testAndClearBit(PG_mlocked.bit(), words, mlockedIndex(page));
    }

    /**
     * {@code SetPageFoo(page)} for a bit written under the lru lock: {@code set_bit} when the word
     * has writers outside the lock or the layout keeps the kernel's instruction, one store otherwise
     * (see {@link FlagLayout}).
     */
    void setUnderLruLock(Page page, PageFlag f) {
        checkLruLockHeld("SetPage", f, page);
        if (layout.atomicLruBits) {
            page.set(f);
        } else {
            storeWord(page, page.flags() | f.mask());
        }
    }

    /** {@code ClearPageFoo(page)} for a bit written under the lru lock, as {@link #setUnderLruLock}. */
    void clearUnderLruLock(Page page, PageFlag f) {
        checkLruLockHeld("ClearPage", f, page);
        if (layout.atomicLruBits) {
            page.clear(f);
        } else {
            storeWord(page, page.flags() & ~f.mask());
        }
    }

    /** Where PG_mlocked lives: {@code page->flags}, or the struct page word after it. */
    private int mlockedIndex(Page page) {
        return map.flagIndex(page.pfn()) + mlockedWord;
    }

    /** {@code WRITE_ONCE(page->flags, ...)}: no ordering against later loads, like an unordered set_bit. */
    private void storeWord(Page page, long word) {
        Rwonce.writeOnce(words, map.flagIndex(page.pfn()), word);
    }

    private void checkLruLockHeld(String op, PageFlag f, Page page) {
        if (!lruLock.isLocked()) {
            throw new PageFlagsBug(op + f.uname() + " on pfn " + page.pfn() + " without lru_lock held");
        }
    }

    /** PG_mlocked's state and the word it lives in, for reports. */
    public String describeMlocked(Page page) {
        return (pageMlocked(page) ? "PG_mlocked" : "!PG_mlocked")
                + (mlockedWord == 0 ? " (in page->flags)" : " (in struct page word " + mlockedWord + ")");
    }
}
