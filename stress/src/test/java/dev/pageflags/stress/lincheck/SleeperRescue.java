package dev.pageflags.stress.lincheck;

import dev.pageflags.mm.Filemap;
import dev.pageflags.mm.Page;
import dev.pageflags.mm.PageFlag;
import dev.pageflags.stress.RaceScenario;

import java.lang.reflect.Field;

/**
 * Wakes a page-lock waiter whose wake-up was lost, once the check has judged it lost, so that the
 * invocation can end and Lincheck report the bad end state instead of a hang (Lincheck calls an
 * invocation that ends with a parked thread "hung", whatever else it showed). Test scaffolding, not
 * part of the race: it puts back the PG_waiters the non-atomic store wiped, under the page lock,
 * and unlocks, so {@code unlock_page()} sees a waiter and wakes it.
 *
 * <p>The race's page is private to the JCStress scenario, which offers no accessor: it is found as
 * the scenario's one field of type {@link Page}.
 */
final class SleeperRescue {
    private SleeperRescue() {
    }

    static void wakeLostWaiter(RaceScenario race) {
        Page page = pageOf(race);
        if (!Filemap.trylockPage(page)) {
            throw new IllegalStateException("rescue: the page is locked although the wake-up was lost: " + page);
        }
        page.set(PageFlag.PG_waiters);
        Filemap.unlockPage(page);
    }

    private static Page pageOf(RaceScenario race) {
        for (Class<?> c = race.getClass(); c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getType() == Page.class) {
                    f.setAccessible(true);
                    try {
                        return (Page) f.get(race);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        throw new IllegalStateException("rescue: " + race.getClass().getName() + " has no field of type Page");
    }
}
