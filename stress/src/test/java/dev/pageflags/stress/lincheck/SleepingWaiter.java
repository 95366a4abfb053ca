package dev.pageflags.stress.lincheck;

import dev.pageflags.stress.RaceScenario;

/** Runs a race's {@code actor2}, a waiter that may sleep for ever, and says whether it came back. */
final class SleepingWaiter implements Runnable {
    private final RaceScenario race;
    private volatile boolean returned;

    SleepingWaiter(RaceScenario race) {
        this.race = race;
    }

    @Override
    public void run() {
        race.actor2();
        returned = true;
    }

    boolean returned() {
        return returned;
    }
}
