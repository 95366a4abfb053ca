package dev.pageflags.mm;

/** {@code enum lru_list}: the evictable lists by type and activity, and the unevictable list. */
public enum LruList {
    LRU_INACTIVE_ANON(false),
    LRU_ACTIVE_ANON(false),
    LRU_INACTIVE_FILE(false),
    LRU_ACTIVE_FILE(false),
    LRU_UNEVICTABLE(true);

    private final boolean unevictable;

    LruList(boolean unevictable) {
        this.unevictable = unevictable;
    }

    /** Whether reclaim may take pages from this list. */
    public boolean isEvictable() {
        return !unevictable;
    }
}
