package dev.pageflags.stress.harness;

import java.util.Locale;

/** The three families of graded JCStress test; each is run as its own JCStress batch, at its own budget. */
public enum TestKind {
    /** A seed race, broken or fixed ({@code @RaceVariant}). */
    RACES,
    /** One of the kernel memory model's litmus tests ({@code @LitmusTest}). */
    LITMUS,
    /** Two bit operations on one flag word ({@code @AtomicityPair}). */
    ATOMICITY;

    /** The spelling of {@code -Dstress.group}: races, litmus, atomicity. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
