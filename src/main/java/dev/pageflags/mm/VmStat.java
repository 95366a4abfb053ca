package dev.pageflags.mm;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The vmstat counters the races touch: zone/node page counts and the unevictable-LRU events.
 * The kernel keeps them per CPU and folds them lazily; one atomic per counter gives the same sums.
 */
public final class VmStat {
    /** Page-state counters ({@code enum zone_stat_item}). */
    public enum Item {
        NR_MLOCK,
        NR_ISOLATED_ANON,
        NR_ISOLATED_FILE
    }

    /** Event counters ({@code enum vm_event_item}) of the unevictable LRU. */
    public enum Event {
        UNEVICTABLE_PGCULLED,
        UNEVICTABLE_PGSCANNED,
        UNEVICTABLE_PGRESCUED,
        UNEVICTABLE_PGMLOCKED,
        UNEVICTABLE_PGMUNLOCKED,
        UNEVICTABLE_PGCLEARED,
        UNEVICTABLE_PGSTRANDED
    }

    private final AtomicLongArray items = new AtomicLongArray(Item.values().length);
    private final AtomicLongArray events = new AtomicLongArray(Event.values().length);

    VmStat() {
    }

    /** {@code mod_zone_page_state(zone, item, delta)}. */
    public void mod(Item item, long delta) {
        items.getAndAdd(item.ordinal(), delta);
    }

    public long read(Item item) {
        return items.get(item.ordinal());
    }

    /** {@code count_vm_events(event, n)}. */
    public void count(Event event, long n) {
        events.getAndAdd(event.ordinal(), n);
    }

    public long read(Event event) {
        return events.get(event.ordinal());
    }
}
