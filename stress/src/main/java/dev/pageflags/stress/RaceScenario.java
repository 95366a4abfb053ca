package dev.pageflags.stress;

/**
 * One race, written once: the two actors and the check of the end state.
 *
 * <p>JCStress drives an instance per sample on real threads; the Lincheck checks drive the same
 * instance under systematic interleaving exploration. Neither owns a second copy of the race.
 */
public interface RaceScenario {
    /**
     * The description of every test's catch-all {@code @Outcome} (no id, FORBIDDEN): each state a
     * correct model can reach is named by the test, so a state nothing names is the model's fault.
     */
    String MODEL_ERROR = "model error: no interleaving of the race explains this state";

    /** The first racing kernel path. */
    void actor1();

    /** The second racing kernel path. */
    void actor2();

    /** After both actors returned: whether the race left the bad end state behind. */
    boolean badEndState();

    /** A one-line description of the end state, for failure messages and traces. */
    String describeEndState();
}
