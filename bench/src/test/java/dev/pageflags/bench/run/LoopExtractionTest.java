package dev.pageflags.bench.run;

import dev.pageflags.bench.asm.AsmTarget;
import dev.pageflags.bench.asm.ByteDecoder;
import dev.pageflags.bench.asm.Excerpt;
import dev.pageflags.bench.asm.HotLoop;
import dev.pageflags.bench.asm.Instruction;
import dev.pageflags.bench.asm.LoopExtractor;
import dev.pageflags.bench.asm.Mark;
import dev.pageflags.bench.asm.Nmethod;
import dev.pageflags.bench.asm.PrintAssemblyParser;
import dev.pageflags.bench.asm.Provenance;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The extractor on PrintAssembly output captured on this project's machine (trimmed: the compiles
 * not shown are cut to their first two code lines, and code after each main code is dropped):
 * <ul>
 * <li>{@code asm/set_bit-jdk17-bytes.txt}: OpenJDK 17.0.15 (Debian), whose hsdis is unusable, so
 *     HotSpot printed bytes; {@code asm/set_bit-jdk17-objdump.txt} is objdump's decoding of the bytes
 *     of its compile 968, so this test needs no binutils.</li>
 * <li>{@code asm/set_bit-jdk25-hsdis.txt}: Temurin 25.0.3 with an hsdis on LD_LIBRARY_PATH that
 *     forwards JDK 9+'s entry point to libhsdis0-fcml's JDK 8 one, so HotSpot printed instructions
 *     (in fcml's spelling: {@code jnb}, {@code %r10l}).</li>
 * </ul>
 */
class LoopExtractionTest {
    private static final AsmTarget SET_BIT = AsmTarget.ALL.get(0);

    private static List<String> fixture(String name) throws IOException {
        try (InputStream in = LoopExtractionTest.class.getResourceAsStream("/asm/" + name)) {
            if (in == null) {
                throw new IOException("missing test fixture /asm/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** Answers with objdump's committed output for the one compile the extractor decodes. */
    private static final ByteDecoder RECORDED_OBJDUMP = new ByteDecoder() {
        @Override
        public List<Decoded> decode(long base, byte[] code) throws IOException {
            List<Decoded> d = ObjdumpDecoder.parse(fixture("set_bit-jdk17-objdump.txt"));
            assertEquals(d.get(0).address(), base, "asked to decode another compile than the fixture's");
            return d;
        }

        @Override
        public String describe() {
            return "objdump's recorded output";
        }
    };

    private static Instruction only(HotLoop loop, Mark mark) {
        List<Instruction> found = loop.body().stream().filter(i -> Mark.of(i).contains(mark)).toList();
        assertEquals(1, found.size(), "instructions marked " + mark + ": " + found);
        return found.get(0);
    }

    @Test
    void readsEveryCompileOfTheByteListing() throws IOException {
        List<Nmethod> all = PrintAssemblyParser.parse(fixture("set_bit-jdk17-bytes.txt"));
        assertEquals(List.of(944, 945, 946, 968), all.stream().map(Nmethod::compileId).toList());
        assertEquals(List.of("c1", "c2", "c2", "c2"), all.stream().map(Nmethod::compiler).toList());
        assertEquals(List.of(true, true, false, false), all.stream().map(Nmethod::osr).toList());
        assertTrue(all.stream().allMatch(Nmethod::hasRawBytes));
        assertEquals(0x7f6654f0d820L, all.get(3).codeStart());
    }

    @Test
    void cutsSetBitsLoopFromTheLastStandardC2Compile() throws Exception {
        LoopExtractor.Result r = LoopExtractor.extract(fixture("set_bit-jdk17-bytes.txt"), SET_BIT, RECORDED_OBJDUMP);
        assertEquals(968, r.nmethod().compileId(), "an earlier standard compile was deoptimised; 968 ran last");
        HotLoop loop = r.loop();
        assertEquals(0x7f6654f0d8d0L, loop.start());
        assertEquals(0x7f6654f0d94eL, loop.end());
        assertEquals("lock cmpxchg %rcx,0x10(%r11,%rbx,8)", only(loop, Mark.LOCKED).text());
        assertEquals("test %eax,(%r11)", only(loop, Mark.POLL).text());
        assertEquals(3, loop.exits().size());
        assertTrue(loop.exits().stream().allMatch(HotLoop.Exit::toUncommonTrap),
                "both bounds checks and the failed CAS leave to uncommon traps");
        assertTrue(loop.body().stream().noneMatch(i -> Mark.of(i).contains(Mark.CALL)));
        assertEquals("lock cmpxchg x1; 3 exit(s), 3 to uncommon traps", Excerpt.summary(loop));
    }

    @Test
    void cutsTheSameLoopFromAnHsdisListing() throws Exception {
        List<String> text = fixture("set_bit-jdk25-hsdis.txt");
        assertFalse(PrintAssemblyParser.parse(text).get(0).hasRawBytes());
        LoopExtractor.Result r = LoopExtractor.extract(text, SET_BIT, null);
        assertEquals(1065, r.nmethod().compileId());
        HotLoop loop = r.loop();
        assertEquals("lock cmpxchg %rbp,0x10(%r10,%r9,8)", only(loop, Mark.LOCKED).text());
        assertEquals("test %eax,(%r10)", only(loop, Mark.POLL).text(), "hsdis prints a comment on its instruction's line");
        assertEquals(3, loop.exits().size());
        assertTrue(loop.exits().stream().allMatch(HotLoop.Exit::toUncommonTrap));
    }

    @Test
    void theExcerptMarksTheKeyLinesAndSaysWhereItComesFrom() throws Exception {
        LoopExtractor.Result r = LoopExtractor.extract(fixture("set_bit-jdk17-bytes.txt"), SET_BIT, RECORDED_OBJDUMP);
        Provenance p = new Provenance("OpenJDK 64-Bit Server VM 17.0.15", "/jdk", List.of("-XX:+UnlockDiagnosticVMOptions"),
                List.of("-f", "1"), RECORDED_OBJDUMP.describe());
        String text = Excerpt.render(SET_BIT, p, r.nmethod(), r.loop());
        assertTrue(text.startsWith("# set_bit: the hot loop of FlagOpsBench.setBit"), text);
        assertTrue(text.contains("# JVM        OpenJDK 64-Bit Server VM 17.0.15, /jdk"), text);
        assertTrue(text.contains("# Look for   " + SET_BIT.lookFor()), text);
        assertTrue(text.lines().anyMatch(l -> l.contains("lock cmpxchg %rcx,0x10(%r11,%rbx,8)") && l.endsWith("<- LOCKED")),
                text);
        assertTrue(text.lines().anyMatch(l -> l.contains("je 0x7f6654f0d9f4") && l.endsWith("<- EXIT to an uncommon trap")),
                text);
    }

    @Test
    void aByteListingWithAGapIsAnError() throws IOException {
        List<String> text = new ArrayList<>(fixture("set_bit-jdk17-bytes.txt"));
        int at = text.size() - 1;
        int byteLines = 0;
        while (byteLines < 3) {
            if (text.get(--at).matches("\\s+0x[0-9a-f]+: [0-9a-f]{4} .*")) {
                byteLines++;
            }
        }
        text.remove(at);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PrintAssemblyParser.parse(text));
        assertTrue(e.getMessage().contains("gap"), e.getMessage());
    }

    @Test
    void noC2CompileIsReportedWithTheTargetsName() throws IOException {
        List<String> c1Only = fixture("set_bit-jdk17-bytes.txt").subList(0, 30);
        LoopExtractor.NoLoopException e = assertThrows(LoopExtractor.NoLoopException.class,
                () -> LoopExtractor.extract(c1Only, SET_BIT, RECORDED_OBJDUMP));
        assertTrue(e.getMessage().startsWith("set_bit: no C2 compile"), e.getMessage());
    }

    /** The real objdump, where binutils is installed, decodes the bytes as the recorded run did. */
    @Test
    void objdumpDecodesTheListingsBytes() throws Exception {
        Optional<java.nio.file.Path> objdump = NativeFloorRunner.onPath("objdump");
        Assumptions.assumeTrue(objdump.isPresent(), "no objdump on PATH");
        Nmethod nm = PrintAssemblyParser.parse(fixture("set_bit-jdk17-bytes.txt")).get(3);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        nm.code().stream().filter(p -> p instanceof Nmethod.Printed.Bytes)
                .forEach(p -> bytes.writeBytes(((Nmethod.Printed.Bytes) p).bytes()));
        List<ByteDecoder.Decoded> live = new ObjdumpDecoder(objdump.get()).decode(nm.codeStart(), bytes.toByteArray());
        List<ByteDecoder.Decoded> recorded = ObjdumpDecoder.parse(fixture("set_bit-jdk17-objdump.txt"));
        assertEquals(recorded.size(), live.size());
        for (int i = 0; i < live.size(); i++) {
            assertEquals(recorded.get(i).address(), live.get(i).address());
            assertEquals(recorded.get(i).text().replaceAll("\\s+", " "), live.get(i).text().replaceAll("\\s+", " "));
        }
    }
}
