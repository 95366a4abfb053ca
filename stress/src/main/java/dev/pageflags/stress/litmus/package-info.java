/**
 * The Linux kernel memory model's own litmus tests, run on the model's primitives: the check that
 * the ordering table every race rests on (READ_ONCE, WRITE_ONCE, smp_mb(), smp_store_release(),
 * smp_load_acquire(), spin_lock(), the atomic bit operations) is neither weaker nor stronger than
 * the kernel's where x86 can tell.
 *
 * <p>Each test is named after its {@code .litmus} file in the kernel tree ({@code +}, {@code -} and
 * {@code .} become {@code _}), declares the file's {@code exists} state by id, and carries
 * {@link dev.pageflags.stress.LitmusTest} with LKMM's verdict (the file's {@code Result:} line) and
 * x86-TSO's verdict for the instructions the Java mapping emits. The exists state is FORBIDDEN when
 * LKMM says Never and ACCEPTABLE_INTERESTING when it says Sometimes; every other reachable state is
 * ACCEPTABLE by id; anything else falls to a FORBIDDEN catch-all ("model error"). The suite grades a
 * Sometimes state that x86 allows as must-be-observed, and reports one x86 forbids with no verdict.
 *
 * <p>The actors touch the shared variables ({@code LitmusVars}: words of an
 * {@code AtomicLongArray}, the type of the model's flag words) only through the model:
 * {@link dev.pageflags.mm.Rwonce} (READ_ONCE/WRITE_ONCE: opaque), {@link dev.pageflags.mm.Barriers}
 * (smp_mb: fullFence; smp_store_release/smp_load_acquire: setRelease/getAcquire),
 * {@link dev.pageflags.mm.SpinLock}, {@link dev.pageflags.mm.Bitops}. The races use the same
 * methods, so a weakened mapping turns these tests red.
 *
 * <h2>The tests</h2>
 * <pre>
 * class                                                    litmus test                                       LKMM       x86
 * StoreBuffering.SB_poonceonces                            SB+poonceonces                                    Sometimes  allowed
 *     store then load of the other variable, no barrier: the store buffer lets both loads miss.
 * StoreBuffering.SB_fencembonceonces                       SB+fencembonceonces                               Never      forbidden
 *     as above with smp_mb() on both sides.
 * StoreBuffering.SB_rfionceonce_poonceonces                SB+rfionceonce-poonceonces                        Sometimes  allowed
 *     as SB+poonceonces, each thread first reading its own store back (store forwarding).
 * RShape.R_poonceonces                                     R+poonceonces                                     Sometimes  allowed
 *     P0 stores x, y; P1 stores y = 2 then loads x: P1's store waits while its load goes ahead.
 * RShape.R_fencembonceonces                                R+fencembonceonces                                Never      forbidden
 *     as above with smp_mb() on both sides.
 * MessagePassing.MP_poonceonces                            MP+poonceonces                                    Sometimes  forbidden
 *     data then flag; flag then data; no ordering.
 * MessagePassing.MP_pooncerelease_poacquireonce            MP+pooncerelease+poacquireonce                    Never      forbidden
 *     as above, the flag by smp_store_release / smp_load_acquire.
 * MessagePassing.MP_polocks                                MP+polocks                                        Never      forbidden
 *     as MP+poonceonces, flag store and flag load under one spinlock.
 * MessagePassing.MP_porevlocks                             MP+porevlocks                                     Never      forbidden
 *     as MP+poonceonces, data store and data load under one spinlock.
 * MessagePassing.MP_polockonce_poacquiresilsil             MP+polockonce+poacquiresilsil                     Sometimes  forbidden
 *     x written under a lock; an acquire load of x, then two spin_is_locked().
 * LoadBuffering.LB_poonceonces                             LB+poonceonces                                    Sometimes  forbidden
 *     load then store of the other variable, no ordering.
 * LoadBuffering.LB_poacquireonce_pooncerelease             LB+poacquireonce+pooncerelease                    Never      forbidden
 *     as above, a release store on one side and an acquire load on the other.
 * LoadBuffering.LB_fencembonceonce_ctrlonceonce            LB+fencembonceonce+ctrlonceonce                   Never      forbidden
 *     as LB+poonceonces, a control dependency on one side, smp_mb() on the other.
 * LoadBuffering.LB_unlocklockonceonce_poacquireonce        LB+unlocklockonceonce+poacquireonce               Never      forbidden
 *     as LB+poonceonces, load and store in critical sections of two different locks.
 * SShape.S_poonceonces                                     S+poonceonces                                     Sometimes  forbidden
 *     P0 stores x = 2, y = 1; P1 loads y, stores x = 1: does x end as 2 after P1 saw y?
 * Coherence.CoRR_poonceonce_Once                           CoRR+poonceonce+Once                              Never      forbidden
 *     two loads of one variable see its stores in order.
 * Coherence.CoRW_poonceonce_Once                           CoRW+poonceonce+Once                              Never      forbidden
 *     a load and a later store of one variable, against another thread's store.
 * Coherence.CoWR_poonceonce_Once                           CoWR+poonceonce+Once                              Never      forbidden
 *     a store and a later load of one variable, against another thread's store.
 * Coherence.CoWW_poonceonce (one thread)                   CoWW+poonceonce                                   Never      forbidden
 *     two stores of one thread to one variable: the second wins.
 * CmpxchgFailure.cmpxchg_fail_unordered_1                  cmpxchg-fail-unordered-1                          Sometimes  allowed
 *     SB with a failing conditional RMW (test_and_set_bit of a set bit) between store and load.
 * CmpxchgFailure.cmpxchg_fail_ordered_1                    cmpxchg-fail-ordered-1                            Never      forbidden
 *     as above with smp_mb__after_atomic() after the failed RMW.
 * CmpxchgFailure.cmpxchg_fail_unordered_2                  cmpxchg-fail-unordered-2                          Sometimes  forbidden
 *     a failed RMW reads the winner's value, then a load misses the winner's earlier store.
 * CmpxchgFailure.cmpxchg_fail_ordered_2                    cmpxchg-fail-ordered-2                            Never      forbidden
 *     as above with smp_mb__after_atomic() after the failed RMW.
 * AtomicRmwVsSet.Atomic_RMW_ops_are_atomic_WRT_atomic_set  Atomic-RMW-ops-are-atomic-WRT-atomic_set          Never      forbidden
 *     a conditional RMW (test_and_clear_bit) against WRITE_ONCE of the whole word.
 * Locking.DCL_broken                                       DCL-broken                                        Sometimes  forbidden
 *     double-checked locking, the fast-path flag by READ_ONCE / WRITE_ONCE.
 * Locking.DCL_fixed                                        DCL-fixed                                         Never      forbidden
 *     as above, the flag by smp_load_acquire / smp_store_release.
 * Locking.RM_fixed                                         RM-fixed                                          Never      forbidden
 *     loads outside a critical section, then a lock: the lock orders after what they saw.
 *
 * three and four threads (threads = N: JCStress skips them on fewer CPUs; the suite lists them as not run)
 * IndependentReads.IRIW_poonceonces_OnceOnce               IRIW+poonceonces+OnceOnce                   (4)   Sometimes  forbidden
 * IndependentReads.IRIW_fencembonceonces_OnceOnce          IRIW+fencembonceonces+OnceOnce              (4)   Never      forbidden
 * Cumulativity.WRC_poonceonces_Once                        WRC+poonceonces+Once                        (3)   Sometimes  forbidden
 * Cumulativity.ISA2_poonceonces                            ISA2+poonceonces                            (3)   Sometimes  forbidden
 * Cumulativity.ISA2_pooncerelease_poacquirerelease_poacquireonce
 *                                                          ISA2+pooncerelease+poacquirerelease+poacquireonce (3) Never forbidden
 * Cumulativity.ISA2_pooncelock_pooncelock_pombonce         ISA2+pooncelock+pooncelock+pombonce         (3)   Never      forbidden
 * Z6Shape.Z6_0_pooncelock_pooncelock_pombonce              Z6.0+pooncelock+pooncelock+pombonce         (3)   Sometimes  forbidden
 * Z6Shape.Z6_0_pooncerelease_poacquirerelease_fencembonceonce
 *                                                          Z6.0+pooncerelease+poacquirerelease+fencembonceonce (3) Sometimes forbidden
 * </pre>
 *
 * <p>Where the version of a file read for this work had no {@code Result:} line (R+poonceonces,
 * CoRW, CoWW, IRIW+poonceonces, WRC+poonceonces, ISA2+poonceonces, Z6.0+pooncelock+pooncelock), the
 * verdict is the one the kernel's README and the neighbouring files give it; each test's comment
 * says which.
 *
 * <p>Stand-ins, where the model has no primitive of that name: cmpxchg() is written as
 * test_and_set_bit() (both conditional, value-returning, unordered on failure per
 * Documentation/atomic_bitops.txt); atomic_add_unless()/atomic_set() as test_and_clear_bit()/WRITE_ONCE
 * of the word; atomic_inc_return() under a lock as test_and_set_bit(). Each test's comment explains
 * the mapping.
 *
 * <h2>Left out, and why</h2>
 * <pre>
 * MP+fencewmbonceonce+fencermbonceonce, MP+wmbonceonce+rmbonceonce, S+fencewmbonceonce+poacquireonce,
 * S+wmbonceonce+poacquireonce, MP+unlocklockonceonce+fencermbonceonce, WRC+pooncerelease+fencermbonceonce+Once,
 * WRC+pooncerelease+rmbonceonce+Once, Atomic-RMW+mb__after_atomic-is-stronger-than-acquire
 *     need smp_wmb() or smp_rmb(). The model's ordering table does not list them and no race's era
 *     code uses them, so they were not added.
 * MP+polockmbonce+poacquiresilsil, Z6.0+pooncelock+poonceLock+pombonce
 *     need smp_mb__after_spinlock(), which the model does not have.
 * MP+onceassign+derefonce, Documentation/litmus-tests/rcu/*
 *     need rcu_assign_pointer() / rcu_dereference() / synchronize_rcu(): no RCU in the model.
 * RM-broken
 *     its Result line is DEADLOCK, not Never or Sometimes: with the loads moved under the lock no
 *     execution passes the filter, so there is no state to grade.
 * SB+mbonceonces, LB+ctrlonceonce+mbonceonce, IRIW+mbonceonces+OnceOnce, Z6.0+...+mbonceonce
 *     older names of the +fencembonce tests above (the same code).
 * dep+plain
 *     about plain C accesses and dependencies, which Java code cannot express.
 * 2+2W
 *     no such file in the kernel tree (tools/memory-model/litmus-tests or Documentation/litmus-tests),
 *     so there is no LKMM verdict to keep from a file.
 * </pre>
 *
 * <h2>Each check can fail</h2>
 * Mutations of the model that turn this set red, each tried and reverted: {@code smp_mb()} made a
 * no-op (SB+fencembonceonces and R+fencembonceonces show their Never state); {@code WRITE_ONCE} made
 * a volatile store (every x86-allowed Sometimes state disappears, and the suite's must-see verdict
 * fails). The runs, with their counts: {@code results/reference/mutations/}. A mapping that only
 * LB+fencembonceonce+ctrlonceonce could catch stays green on x86, which never lets a store pass a
 * load.
 *
 * <p>Limits: the x86-forbidden states (MP, LB, S, the 3- and 4-thread shapes, the release/acquire
 * and lock tests) cannot tell a release weakened to opaque from the real one on x86, whose loads and
 * stores are already ordered that way; they catch only a compiler that reorders. And a must-see
 * verdict needs both actors really running at once: on a machine busy with other work a test VM can
 * be starved to a few thousand samples, which is why the suite runs a must-see test that missed
 * once more before it fails.
 *
 * <h2>Cost</h2>
 * JCStress forks one JVM per test and configuration, and on JDK 17 runs each test twice (biased
 * locking on and off), so fork start-up costs about as much as the sampling. The suite's budget gives
 * each test of this set 1 s of sampling; the wall time of the whole litmus and atomicity process of a
 * run is in its Failsafe report ({@code results/reference/stress/failsafe/}), the observed counts in
 * {@code results/reference/stress/litmus.md}. The six tests whose Sometimes state x86 cannot reach
 * (MP+poonceonces, MP+polockonce+poacquiresilsil, LB+poonceonces, S+poonceonces,
 * cmpxchg-fail-unordered-2, DCL-broken) carry no verdict on x86 and are the first candidates to leave
 * to the tough budget if the set grows.
 *
 * <p>How to run the two-thread set at the short budget (on 2 CPUs the 3- and 4-thread tests are
 * skipped by JCStress itself):
 * <pre>
 * java -jar stress/target/jcstress.jar -t 'dev.pageflags.stress.litmus' -sc false \
 *      -jvmArgs -XX:TieredStopAtLevel=4 -f 1 -iters 2 -time 500 -af NONE -strideSize 4
 * </pre>
 */
package dev.pageflags.stress.litmus;
