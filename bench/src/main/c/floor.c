/*
 * The hardware floor: what the x86-64 instructions that the kernel's bit operations and the Java
 * model compile to cost on this machine, timed in loops shaped like the JIT's, so each JMH figure
 * can be read beside the bare instruction.
 *
 * Shape. HotSpot reaches a long[] element as disp(base, index, 8) with the array in one register and
 * the index in another, and the JMH loop runs one operation per iteration with a counter. Every loop
 * here does the same: the whole loop is one asm block (so gcc can neither unroll it nor merge its
 * accesses), the word is addressed as 16(base, index, 8) with base and index in registers (16 is the
 * offset of a long[]'s first element behind its header), and each iteration is the operation plus a
 * count-down and a branch. An unrolled loop on a bare (base) operand is not what the JIT emits, and
 * some cores special-case it: a store-to-load chain through such an operand can be renamed away.
 *
 * Two kinds of loop:
 * - one word (latency): every operation updates the same word, each waiting on the one before, as
 *   FlagOpsBench and JvmFloorBench do;
 * - 64 lines (throughput): the index advances by one cache line per operation over 64 words, each
 *   alone on its 64-byte line, as IndependentWordsBench does. Plain read-modify-writes to different
 *   lines overlap; a locked one drains the store buffer and cannot.
 * The arena is 64-byte aligned and used only by this thread: every line stays Modified in this
 * core's cache.
 *
 * Output: one JSON object on stdout, one round: per operation, the ns/op of every timed batch. The
 * suite runs one round between benchmark groups and keeps every round (NativeFloorRunner).
 *
 * Usage: floor [--batches N] [--batch-ms MS]      (defaults: 5 batches of about 20 ms each)
 * Build: gcc -O2 -o floor floor.c                 (x86-64 only: the asm is x86 asm)
 */
#define _POSIX_C_SOURCE 199309L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#if !defined(__x86_64__)
#error "the native floor is x86-64 inline asm"
#endif

/* 64 words, one per line; element k of the "array" is at 16 + 8k bytes past base. */
#define LINES 64
#define LONGS_PER_LINE 8
/* The asm advances the index with `addq $8` and wraps it with `andq $511`. */
_Static_assert(LONGS_PER_LINE == 8 && LINES * LONGS_PER_LINE - 1 == 511, "the asm's literals");
/* The one-word loops use the first word past the header, as a MemMap of one page does. */
#define WORD_INDEX 0

static uint64_t arena[LINES * LONGS_PER_LINE + 8] __attribute__((aligned(64)));

/* PG_referenced, bit 1, as the Java benchmarks set; the clear loops use its complement. */
static const uint64_t MASK = 2;

typedef void (*loop_fn)(uint64_t *base, long iterations);

/* Count-down loop around one instruction on 16(base,index,8); the index stays put. */
#define ONE_WORD_LOOP(insn, mask)                                                   \
    do {                                                                            \
        long idx_ = WORD_INDEX;                                                     \
        __asm__ volatile("1:\n\t" insn ", 16(%[b],%[i],8)\n\t"                      \
                         "decq %[n]\n\t"                                            \
                         "jnz 1b\n\t"                                               \
                         : [n] "+r"(n)                                              \
                         : [b] "r"(base), [i] "r"(idx_), [m] "r"(mask)              \
                         : "memory", "cc");                                         \
    } while (0)

/* The same with the index advancing one line per operation, wrapping after 64 lines. */
#define LINES_LOOP(insn, mask)                                                      \
    do {                                                                            \
        long idx_ = 0;                                                              \
        __asm__ volatile("1:\n\t" insn ", 16(%[b],%[i],8)\n\t"                      \
                         "addq $8, %[i]\n\t"                                        \
                         "andq $511, %[i]\n\t"                                      \
                         "decq %[n]\n\t"                                            \
                         "jnz 1b\n\t"                                               \
                         : [n] "+r"(n), [i] "+r"(idx_)                              \
                         : [b] "r"(base), [m] "r"(mask)                             \
                         : "memory", "cc");                                         \
    } while (0)

/* set_bit: the kernel's `lock or` (a constant bit); the JIT would need the mask in a register. */
static void lock_or(uint64_t *base, long n) { ONE_WORD_LOOP("lock orq %[m]", MASK); }

/* clear_bit: `lock and` with the complement. */
static void lock_and(uint64_t *base, long n) { ONE_WORD_LOOP("lock andq %[m]", ~MASK); }

/* test_and_set_bit: `lock bts`, the bit number in a register (here bit 1). */
static void lock_bts(uint64_t *base, long n) { ONE_WORD_LOOP("lock btsq %[m]", (uint64_t)1); }

/* getAndAdd: `lock xadd`; the register is reloaded with the delta each time, as the JIT does. */
static void lock_xadd(uint64_t *base, long n) {
    long idx = WORD_INDEX;
    __asm__ volatile("1:\n\t"
                     "movq %[m], %%rax\n\t"
                     "lock xaddq %%rax, 16(%[b],%[i],8)\n\t"
                     "decq %[n]\n\t"
                     "jnz 1b\n\t"
                     : [n] "+r"(n)
                     : [b] "r"(base), [i] "r"(idx), [m] "r"(MASK)
                     : "rax", "memory", "cc");
}

/*
 * A CAS loop's uncontended pass, as HotSpot compiles getAndBitwiseOr and the model's set_bit: load
 * the word, or in the bit, `lock cmpxchg` it back, retry on failure (never taken here).
 */
static void cas_or(uint64_t *base, long n) {
    long idx = WORD_INDEX;
    __asm__ volatile("1:\n\t"
                     "movq 16(%[b],%[i],8), %%rax\n\t"
                     "2:\n\t"
                     "movq %%rax, %%rdx\n\t"
                     "orq %[m], %%rdx\n\t"
                     "lock cmpxchgq %%rdx, 16(%[b],%[i],8)\n\t"
                     "jne 2b\n\t"
                     "decq %[n]\n\t"
                     "jnz 1b\n\t"
                     : [n] "+r"(n)
                     : [b] "r"(base), [i] "r"(idx), [m] "r"(MASK)
                     : "rax", "rdx", "memory", "cc");
}

/* __set_bit / long[] |=: one unlocked read-modify-write instruction on memory. */
static void plain_or(uint64_t *base, long n) { ONE_WORD_LOOP("orq %[m]", MASK); }

/* The same as a separate load, or and store, the form two opaque accesses may compile to. */
static void load_or_store(uint64_t *base, long n) {
    long idx = WORD_INDEX;
    __asm__ volatile("1:\n\t"
                     "movq 16(%[b],%[i],8), %%rax\n\t"
                     "orq %[m], %%rax\n\t"
                     "movq %%rax, 16(%[b],%[i],8)\n\t"
                     "decq %[n]\n\t"
                     "jnz 1b\n\t"
                     : [n] "+r"(n)
                     : [b] "r"(base), [i] "r"(idx), [m] "r"(MASK)
                     : "rax", "memory", "cc");
}

/* smp_mb() in the kernel before 4.15 on x86-64 (and VarHandle.fullFence() in some JVMs). */
static void mfence(uint64_t *base, long n) {
    (void)base;
    __asm__ volatile("1:\n\t"
                     "mfence\n\t"
                     "decq %[n]\n\t"
                     "jnz 1b\n\t"
                     : [n] "+r"(n)
                     :
                     : "memory", "cc");
}

/*
 * HotSpot's full fence on x86-64 (VarHandle.fullFence, a volatile store's StoreLoad barrier), and
 * the kernel's smp_mb() since 4.15: a locked add of zero below the stack pointer. Adding zero leaves
 * the slot's value alone, so touching the red zone is harmless.
 */
static void lock_add_stack(uint64_t *base, long n) {
    (void)base;
    __asm__ volatile("1:\n\t"
                     "lock addl $0, -64(%%rsp)\n\t"
                     "decq %[n]\n\t"
                     "jnz 1b\n\t"
                     : [n] "+r"(n)
                     :
                     : "memory", "cc");
}

/* Throughput: the same instructions over 64 independent lines. */
static void lines_lock_or(uint64_t *base, long n) { LINES_LOOP("lock orq %[m]", MASK); }

static void lines_plain_or(uint64_t *base, long n) { LINES_LOOP("orq %[m]", MASK); }

static void lines_load_or_store(uint64_t *base, long n) {
    long idx = 0;
    __asm__ volatile("1:\n\t"
                     "movq 16(%[b],%[i],8), %%rax\n\t"
                     "orq %[m], %%rax\n\t"
                     "movq %%rax, 16(%[b],%[i],8)\n\t"
                     "addq $8, %[i]\n\t"
                     "andq $511, %[i]\n\t"
                     "decq %[n]\n\t"
                     "jnz 1b\n\t"
                     : [n] "+r"(n), [i] "+r"(idx)
                     : [b] "r"(base), [m] "r"(MASK)
                     : "rax", "memory", "cc");
}

static void lines_cas_or(uint64_t *base, long n) {
    long idx = 0;
    __asm__ volatile("1:\n\t"
                     "movq 16(%[b],%[i],8), %%rax\n\t"
                     "2:\n\t"
                     "movq %%rax, %%rdx\n\t"
                     "orq %[m], %%rdx\n\t"
                     "lock cmpxchgq %%rdx, 16(%[b],%[i],8)\n\t"
                     "jne 2b\n\t"
                     "addq $8, %[i]\n\t"
                     "andq $511, %[i]\n\t"
                     "decq %[n]\n\t"
                     "jnz 1b\n\t"
                     : [n] "+r"(n), [i] "+r"(idx)
                     : [b] "r"(base), [m] "r"(MASK)
                     : "rax", "rdx", "memory", "cc");
}

struct op {
    const char *name;
    const char *instruction;
    loop_fn fn;
};

static const struct op OPS[] = {
    {"lock_or", "lock orq %reg, 16(base,idx,8)", lock_or},
    {"lock_and", "lock andq %reg, 16(base,idx,8)", lock_and},
    {"lock_bts", "lock btsq %reg, 16(base,idx,8)", lock_bts},
    {"lock_xadd", "lock xaddq %reg, 16(base,idx,8)", lock_xadd},
    {"cas_or", "movq 16(base,idx,8); orq; lock cmpxchgq (retry loop)", cas_or},
    {"plain_or", "orq %reg, 16(base,idx,8)", plain_or},
    {"load_or_store", "movq 16(base,idx,8); orq; movq to 16(base,idx,8)", load_or_store},
    {"mfence", "mfence", mfence},
    {"lock_add_stack", "lock addl $0, -64(%rsp)", lock_add_stack},
    {"lines_lock_or", "lock orq over 64 lines, index + 1 line per op", lines_lock_or},
    {"lines_cas_or", "movq; orq; lock cmpxchgq over 64 lines", lines_cas_or},
    {"lines_plain_or", "orq over 64 lines, index + 1 line per op", lines_plain_or},
    {"lines_load_or_store", "movq; orq; movq over 64 lines", lines_load_or_store},
};

static double now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static double time_loop(loop_fn fn, long iterations) {
    double start = now_ns();
    fn(arena, iterations);
    return now_ns() - start;
}

/* Grow the iteration count until one batch takes about batch_ns; returns the count. */
static long calibrate(loop_fn fn, double batch_ns) {
    long n = 1024;
    for (;;) {
        double t = time_loop(fn, n);
        if (t >= batch_ns / 4 || n > (1L << 40)) {
            long count = (long)((double)n * batch_ns / (t > 0 ? t : 1));
            return count > 0 ? count : 1; /* the loops count down to zero: never start at zero */
        }
        n *= 4;
    }
}

static long parse_positive(const char *flag, const char *value) {
    char *end = NULL;
    long v = value ? strtol(value, &end, 10) : 0;
    if (!value || *end != '\0' || v <= 0) {
        fprintf(stderr, "floor: %s needs a positive integer, got '%s'\n", flag, value ? value : "");
        exit(2);
    }
    return v;
}

int main(int argc, char **argv) {
    long batches = 5;
    long batch_ms = 20;
    for (int i = 1; i < argc; i++) {
        const char *value = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(argv[i], "--batches") == 0)
            batches = parse_positive(argv[i++], value);
        else if (strcmp(argv[i], "--batch-ms") == 0)
            batch_ms = parse_positive(argv[i++], value);
        else {
            fprintf(stderr, "floor: unknown option '%s'\nusage: floor [--batches N] [--batch-ms MS]\n", argv[i]);
            return 2;
        }
    }

    printf("{\n  \"tool\": \"pageflags native floor\",\n  \"compiler\": \"gcc %s\",\n", __VERSION__);
    printf("  \"loop\": \"one operation per iteration on 16(base,index,8), count-down counter\",\n");
    printf("  \"batches\": %ld,\n  \"batchMs\": %ld,\n  \"ops\": [\n", batches, batch_ms);
    size_t nops = sizeof(OPS) / sizeof(OPS[0]);
    for (size_t k = 0; k < nops; k++) {
        const struct op *op = &OPS[k];
        long iterations = calibrate(op->fn, (double)batch_ms * 1e6);
        time_loop(op->fn, iterations); /* one untimed batch: frequency ramp, page faults */
        printf("    {\"name\": \"%s\", \"instruction\": \"%s\", \"opsPerBatch\": %ld, \"nsPerOp\": [",
               op->name, op->instruction, iterations);
        for (long b = 0; b < batches; b++) {
            double ns = time_loop(op->fn, iterations) / (double)iterations;
            printf("%s%.4f", b ? ", " : "", ns);
        }
        printf("]}%s\n", k + 1 < nops ? "," : "");
    }
    /* A word's final value makes the stores observable to the outside world. */
    printf("  ],\n  \"finalWord\": %llu\n}\n", (unsigned long long)arena[2 + WORD_INDEX]);
    return 0;
}
