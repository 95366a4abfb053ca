package dev.pageflags.mm;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The vmstat counters the races touch: zone/node page counts and the unevictable-LRU events.
 * The kernel keeps them per CPU and folds them lazily; one atomic per counter gives the same sums.
 * Both kinds share one array (the items first, then the events): one object to make per stress sample.
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

    private static final int NR_ITEMS = Item.values().length;
    private static final int NR_EVENTS = Event.values().length;

    private final AtomicLongArray counters = new AtomicLongArray(NR_ITEMS + NR_EVENTS);

    VmStat() {
    }

    /** {@code mod_zone_page_state(zone, item, delta)}. */
    public void mod(Item item, long delta) {
        counters.getAndAdd(item.ordinal(), delta);
    }

    public long read(Item item) {
        return counters.get(item.ordinal());
    }

    /** {@code count_vm_events(event, n)}. */
    public void count(Event event, long n) {
        counters.getAndAdd(NR_ITEMS + event.ordinal(), n);
    }

    public long read(Event event) {
        return counters.get(NR_ITEMS + event.ordinal());
    }
}
