/*
 * The hardware floor: what one x86-64 instruction of the kinds the kernel's bit operations and the
 * Java model compile to costs on this machine, so each JMH figure can be read as a ratio to it.
 *
 * Every operation runs on one 64-byte-aligned word owned by this thread (uncontended, the line
 * stays in this core's L1 in Modified state), in a loop unrolled UNROLL times, so the loop's own
 * increment and branch are spread over UNROLL instructions. The instructions sit in `asm volatile`
 * with the word as a "+m" operand and a "memory" clobber: the compiler can neither drop them nor
 * merge them, and the final value of the word is printed so the stores are observable.
 *
 * Output: one JSON object on stdout; per operation, the ns/op of every timed batch. The Java report
 * computes mean and error from those samples with the same statistics JMH uses.
 *
 * Usage: floor [--batches N] [--batch-ms MS]      (defaults: 30 batches of about 20 ms each)
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

#define UNROLL 8
#define REP8(s) s s s s s s s s

/* One word per cache line, so nothing else this program touches shares its line. */
static struct { uint64_t word; char pad[56]; } __attribute__((aligned(64))) target;

typedef void (*loop_fn)(uint64_t *w, long iterations);

/* set_bit with a constant bit: the kernel emits `lock orb`/`lock orq`. */
static void lock_or(uint64_t *w, long n) {
    for (long i = 0; i < n; i++)
        __asm__ volatile(REP8("lock orq $2, %0\n\t") : "+m"(*w) : : "memory", "cc");
}

/* test_and_set_bit: `lock bts` with the bit number in a register, CF = old bit. */
static void lock_bts(uint64_t *w, long n) {
    uint64_t nr = 1;
    for (long i = 0; i < n; i++)
        __asm__ volatile(REP8("lock btsq %1, %0\n\t") : "+m"(*w) : "r"(nr) : "memory", "cc");
}

/* __set_bit: a plain read-modify-write of the word; each one waits on the previous store. */
static void plain_or(uint64_t *w, long n) {
    for (long i = 0; i < n; i++)
        __asm__ volatile(REP8("orq $2, %0\n\t") : "+m"(*w) : : "memory", "cc");
}

/* getAndAdd in Java, atomic_fetch_add in the kernel: `lock xadd`, the register reloaded each time. */
static void lock_xadd(uint64_t *w, long n) {
    for (long i = 0; i < n; i++)
        __asm__ volatile(REP8("movq $1, %%rax\n\tlock xaddq %%rax, %0\n\t")
                         : "+m"(*w) : : "rax", "memory", "cc");
}

/* smp_mb() in the kernel on x86-64 (and VarHandle.fullFence() in some JVMs). */
static void mfence(uint64_t *w, long n) {
    (void)w;
    for (long i = 0; i < n; i++)
        __asm__ volatile(REP8("mfence\n\t") : : : "memory");
}

/*
 * HotSpot's getAndBitwiseOr / weakCompareAndSet loop when nobody interferes: load the word, or in
 * the bit, `lock cmpxchg` it back. The load is repeated each time, as the model's loop does.
 */
static void cas_or(uint64_t *w, long n) {
    for (long i = 0; i < n; i++)
        __asm__ volatile(REP8("movq %0, %%rax\n\t"
                              "movq %%rax, %%rdx\n\t"
                              "orq $2, %%rdx\n\t"
                              "lock cmpxchgq %%rdx, %0\n\t")
                         : "+m"(*w) : : "rax", "rdx", "memory", "cc");
}

/*
 * HotSpot's full fence on x86-64 (VarHandle.fullFence, a volatile store's StoreLoad barrier): a
 * locked add of zero one cache line below the stack pointer. Adding zero leaves the slot's value
 * alone, so touching the red zone is harmless here.
 */
static void lock_add_stack(uint64_t *w, long n) {
    (void)w;
    for (long i = 0; i < n; i++)
        __asm__ volatile(REP8("lock addl $0, -64(%%rsp)\n\t") : : : "memory", "cc");
}

struct op {
    const char *name;
    const char *instruction;
    loop_fn fn;
};

static const struct op OPS[] = {
    {"lock_bts", "lock btsq %reg, (mem)", lock_bts},
    {"lock_or", "lock orq $imm, (mem)", lock_or},
    {"plain_or", "orq $imm, (mem)", plain_or},
    {"lock_xadd", "lock xaddq %reg, (mem)", lock_xadd},
    {"mfence", "mfence", mfence},
    {"cas_or", "movq (mem); orq; lock cmpxchgq (mem)", cas_or},
    {"lock_add_stack", "lock addl $0, -64(%rsp)", lock_add_stack},
};

static double now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static double time_loop(loop_fn fn, long iterations) {
    double start = now_ns();
    fn(&target.word, iterations);
    return now_ns() - start;
}

/* Grow the iteration count until one batch takes about batch_ns; returns the count. */
static long calibrate(loop_fn fn, double batch_ns) {
    long n = 1024;
    for (;;) {
        double t = time_loop(fn, n);
        if (t >= batch_ns / 4 || n > (1L << 40))
            return (long)((double)n * batch_ns / (t > 0 ? t : 1));
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
    long batches = 30;
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
    printf("  \"unroll\": %d,\n  \"batches\": %ld,\n  \"batchMs\": %ld,\n  \"ops\": [\n", UNROLL, batches, batch_ms);
    size_t nops = sizeof(OPS) / sizeof(OPS[0]);
    for (size_t k = 0; k < nops; k++) {
        const struct op *op = &OPS[k];
        long iterations = calibrate(op->fn, (double)batch_ms * 1e6);
        time_loop(op->fn, iterations); /* one untimed batch: frequency ramp, page faults */
        printf("    {\"name\": \"%s\", \"instruction\": \"%s\", \"opsPerBatch\": %ld, \"nsPerOp\": [",
               op->name, op->instruction, iterations * UNROLL);
        for (long b = 0; b < batches; b++) {
            double ns = time_loop(op->fn, iterations) / ((double)iterations * UNROLL);
            printf("%s%.4f", b ? ", " : "", ns);
        }
        printf("]}%s\n", k + 1 < nops ? "," : "");
    }
    /* The word's final value makes every store observable to the outside world. */
    printf("  ],\n  \"finalWord\": %llu\n}\n", (unsigned long long)target.word);
    return 0;
}
