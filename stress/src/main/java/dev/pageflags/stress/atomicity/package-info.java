/**
 * The atomicity table: the model's bit operations ({@link dev.pageflags.mm.Bitops}) two at a time,
 * on two different bits of one flags word, the shape of the card (atomic bit operations beside
 * deliberately non-atomic {@code __} ones) without the races around it.
 *
 * <p>Every test is a {@code TwoBitsOneWord}: op1 on PG_locked (bit 0), op2 on PG_waiters (bit 7),
 * the two bits the kernel keeps in one byte; each bit starts in the state its operation changes; the
 * arbiter reads the word and reports whether each update is in it. The operations come from one
 * enum ({@code BitOp}); a test class only names its pair (JCStress needs one class per test and
 * finds only the actor methods a class declares itself, so each class declares three one-line
 * delegating methods). {@link dev.pageflags.stress.AtomicityPair} carries the pair for the suite.
 *
 * <pre>
 * file              pairs                                                  lost/resurrected bit   default   toughOnly
 * AtomicPairs       every unordered pair of the 7 atomic operations (28)   FORBIDDEN              7         21
 *                   default: each atomic operation against set_bit
 * NonAtomicPairs    each of the 4 __ operations against each of the 7      must be SEEN           5         23
 *                   atomic ones (28); default: each __ operation against   (ACCEPTABLE_INTERESTING)
 *                   set_bit, and __set_bit against clear_bit
 * </pre>
 *
 * <p>Atomic operations: set_bit, clear_bit, test_and_set_bit, test_and_clear_bit,
 * test_and_set_bit_lock, clear_bit_unlock, clear_bit_unlock_is_negative_byte. Non-atomic:
 * __set_bit, __clear_bit, __test_and_set_bit, __test_and_clear_bit.
 *
 * <p>Outcome ids (r1 = op1's update held, r2 = op2's): {@code "true, true"} both held;
 * {@code "false, true"} op1's bit lost; {@code "true, false"} op2's bit lost. For a non-atomic pair
 * only op2's (the atomic operation's) bit can be lost: an atomic CAS that meets a changed word
 * retries, so op1 lost is a model error there.
 *
 * <p>What the non-atomic rate means: the model's {@code __} window is an opaque load and an opaque
 * store, wider than x86's single unlocked {@code bts}/{@code or}/{@code and} with a memory operand, so
 * the observed rate is the model's, not the kernel's on x86.
 *
 * <p>Not covered: {@code __clear_bit_unlock} (the model has no such operation; the kernel's generic
 * version is atomic anyway), {@code change_bit}/{@code test_and_change_bit} (not in the model), and
 * pairs of two {@code __} operations (nothing is promised for them).
 *
 * <p>Observed counts of the default pairs: the {@code Bit-operation pairs} table of
 * {@code results/reference/stress/summary.md}. Mutations that turn the table red, tried and reverted
 * while it was written: {@code set_bit} made non-atomic (the atomic pairs with {@code set_bit} see
 * their FORBIDDEN lost update); {@code __clear_bit} made atomic ({@code __clear_bit} vs {@code set_bit}
 * loses nothing, and its must-see verdict fails).
 *
 * <p>How to run the default pairs:
 * <pre>
 * java -jar stress/target/jcstress.jar -t 'atomicity\..*(_vs_SetBit$|__SetBit_vs_ClearBit$)' -sc false \
 *      -jvmArgs -XX:TieredStopAtLevel=4 -f 1 -iters 2 -time 500 -af NONE -strideSize 4
 * </pre>
 */
package dev.pageflags.stress.atomicity;
