package dev.pageflags.bench.asm;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text of {@code -XX:+PrintAssembly} (or {@code -XX:CompileCommand=print,...}) as JDK 17
 * and JDK 25 print it, into {@link Nmethod}s. Lines it does not know (JMH's, the VM's warnings) are
 * skipped; a code listing it cannot follow is an error, never a silently shorter listing.
 */
public final class PrintAssemblyParser {
    /** "Compiled method (c2)  831  927 %  4  pkg.Class::method @ 13 (52 bytes)"; JDK 25 has fewer spaces. */
    private static final Pattern HEADER = Pattern.compile(
            "^Compiled method \\((c1|c2)\\)\\s+\\d+\\s+(\\d+)\\s+([%sbn! ]*?)\\s*(\\d)\\s+(\\S+::\\S+)");
    private static final Pattern MAIN_CODE = Pattern.compile(
            "^\\s*main code\\s+\\[0x([0-9a-f]+),0x([0-9a-f]+)\\]");
    private static final Pattern CODE_LINE = Pattern.compile("^\\s+0x([0-9a-f]+):\\s*(.*)$");
    private static final Pattern CONTINUED_COMMENT = Pattern.compile("^\\s+(;.*)$");
    /** HotSpot's byte listing: groups of hex digits, four bytes a group, groups split by "|". */
    private static final Pattern HEX_BYTES = Pattern.compile("^[0-9a-f]{2,8}(\\s+(\\|\\s+)?[0-9a-f]{2,8})*\\s*$");
    private static final String END = "[/MachCode]";

    private PrintAssemblyParser() {
    }

    /** Every nmethod in the text, in the order printed. */
    public static List<Nmethod> parse(List<String> lines) {
        List<Nmethod> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher h = HEADER.matcher(lines.get(i));
            if (h.find()) {
                i = parseOne(lines, i, h, out);
            }
        }
        return out;
    }

    private static int parseOne(List<String> lines, int headerLine, Matcher h, List<Nmethod> out) {
        long start = -1;
        long end = -1;
        List<Nmethod.Printed> code = new ArrayList<>();
        Boolean rawBytes = null;
        long nextByte = -1;
        long lastAddress = -1;
        boolean lastTrailing = false;
        int i = headerLine + 1;
        for (; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith(END) || HEADER.matcher(line).find()) {
                break;
            }
            Matcher m = MAIN_CODE.matcher(line);
            if (m.find()) {
                start = Long.parseUnsignedLong(m.group(1), 16);
                end = Long.parseUnsignedLong(m.group(2), 16);
                continue;
            }
            Matcher c = CODE_LINE.matcher(line);
            if (c.matches()) {
                long address = Long.parseUnsignedLong(c.group(1), 16);
                String text = c.group(2).strip();
                lastAddress = address;
                if (start < 0) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": code before the nmethod's"
                            + " 'main code' range was printed");
                }
                if (address < start || address >= end) {
                    continue;
                }
                if (text.startsWith(";")) {
                    code.add(new Nmethod.Printed.Comment(address, text, false));
                    lastTrailing = false;
                    continue;
                }
                if (rawBytes == null) {
                    // The first instruction of an nmethod is never hex-like (a stack bang or a move),
                    // so the first code line tells which kind of listing this is.
                    rawBytes = HEX_BYTES.matcher(text).matches();
                }
                if (rawBytes) {
                    if (nextByte >= 0 && address != nextByte) {
                        throw new IllegalArgumentException(String.format("line %d: bytes at 0x%x, expected"
                                + " them at 0x%x: the byte listing has a gap", i + 1, address, nextByte));
                    }
                    byte[] bytes = hex(text, i + 1);
                    code.add(new Nmethod.Printed.Bytes(address, bytes));
                    nextByte = address + bytes.length;
                } else {
                    int semi = text.indexOf(';');
                    code.add(new Nmethod.Printed.Instruction(address,
                            (semi < 0 ? text : text.substring(0, semi)).strip()));
                    if (semi >= 0) {
                        code.add(new Nmethod.Printed.Comment(address, text.substring(semi).strip(), true));
                    }
                    lastTrailing = true;
                }
                continue;
            }
            Matcher more = CONTINUED_COMMENT.matcher(line);
            if (more.matches() && lastAddress >= start && lastAddress < end) {
                code.add(new Nmethod.Printed.Comment(lastAddress, more.group(1).strip(), lastTrailing));
            }
        }
        if (start < 0) {
            throw new IllegalArgumentException("line " + (headerLine + 1) + ": an nmethod without a 'main code' range");
        }
        out.add(new Nmethod(h.group(1), Integer.parseInt(h.group(2)), h.group(3).contains("%"),
                Integer.parseInt(h.group(4)), h.group(5), start, end, code));
        return i - 1;
    }

    private static byte[] hex(String text, int lineNo) {
        String digits = text.replace("|", "").replaceAll("\\s+", "");
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("line " + lineNo + ": an odd number of hex digits");
        }
        return HexFormat.of().parseHex(digits);
    }
}
