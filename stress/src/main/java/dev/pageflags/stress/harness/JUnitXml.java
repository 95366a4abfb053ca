package dev.pageflags.stress.harness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * JUnit reports in Surefire's XML layout, one file per top-level test class (the race's file) and
 * one {@code <testcase>} per JCStress test, so CI servers list the races beside the unit tests.
 */
public final class JUnitXml {
    /** File name prefix; CI globs such as {@code TEST-*.xml} pick the files up. */
    static final String PREFIX = "TEST-jcstress-";

    private JUnitXml() {
    }

    /** File name to contents. */
    public static Map<String, String> render(SuiteReport report) {
        Map<String, List<TestVerdict>> byClass = report.tests().stream().collect(Collectors.groupingBy(
                v -> v.test().topLevelClass(), LinkedHashMap::new, Collectors.toList()));
        Map<String, String> files = new LinkedHashMap<>();
        for (Map.Entry<String, List<TestVerdict>> e : byClass.entrySet()) {
            files.put(PREFIX + e.getKey() + ".xml", suite(e.getKey(), e.getValue(), report));
        }
        return files;
    }

    static String suite(String className, List<TestVerdict> tests, SuiteReport report) {
        long failures = tests.stream().filter(t -> t.verdict() == Verdict.FAILED
                || t.verdict() == Verdict.NOT_REPRODUCED).count();
        long skipped = tests.stream().filter(t -> t.verdict() == Verdict.SKIPPED).count();
        double time = tests.stream().mapToDouble(TestVerdict::samplingSeconds).sum();
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<testsuite xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
                .append(" xsi:noNamespaceSchemaLocation=\"https://maven.apache.org/surefire/maven-surefire-plugin/xsd/surefire-test-report-3.0.xsd\"")
                .append(" version=\"3.0\"")
                .append(" name=\"").append(attr(className)).append('"')
                .append(" time=\"").append(seconds(time)).append('"')
                .append(" tests=\"").append(tests.size()).append('"')
                .append(" errors=\"0\"")
                .append(" skipped=\"").append(skipped).append('"')
                .append(" failures=\"").append(failures).append("\">\n");
        x.append("  <properties>\n");
        property(x, "stress.budget", report.budget().label());
        property(x, "jcstress.options", String.join(" ", report.budgetArgs()));
        property(x, "java.vm.vendor", report.machine().jvmVendor());
        property(x, "java.runtime.version", report.machine().jvmVersion());
        property(x, "os.name", report.machine().osName());
        property(x, "os.arch", report.machine().osArch());
        property(x, "cpus", Integer.toString(report.machine().cpus()));
        x.append("  </properties>\n");
        for (TestVerdict v : tests) {
            testcase(x, className, v);
        }
        x.append("</testsuite>\n");
        return x.toString();
    }

    private static void testcase(StringBuilder x, String className, TestVerdict v) {
        String name = v.test().name().equals(className) ? v.test().shortName()
                : v.test().name().substring(className.length() + 1);
        x.append("  <testcase name=\"").append(attr(name)).append("\" classname=\"").append(attr(className))
                .append("\" time=\"").append(seconds(v.samplingSeconds())).append("\">\n");
        String message = v.verdict().label() + ": " + v.reason();
        switch (v.verdict()) {
            case FAILED, NOT_REPRODUCED -> x.append("    <failure message=\"").append(attr(message))
                    .append("\" type=\"").append(v.verdict().label()).append("\"/>\n");
            case SKIPPED -> x.append("    <skipped message=\"").append(attr(message)).append("\"/>\n");
            default -> { }
        }
        x.append("    <system-out>").append(cdata(systemOut(v))).append("</system-out>\n");
        x.append("  </testcase>\n");
    }

    static String systemOut(TestVerdict v) {
        StringBuilder s = new StringBuilder();
        s.append(v.test().name()).append(" (seed ").append(v.test().seed()).append(", ")
                .append(v.test().variantLabel()).append(")\n");
        if (!v.test().description().isEmpty()) {
            s.append(v.test().description()).append('\n');
        }
        s.append("Verdict: ").append(v.verdict().label()).append(" - ").append(v.reason()).append('\n');
        s.append("Samples: ").append(Formats.grouped(v.samples())).append(", bad: ").append(Formats.grouped(v.bad()))
                .append(", rate per million: ").append(Formats.rate(v)).append('\n');
        for (String config : v.jvmConfigs()) {
            s.append("JVM configuration: ").append(config).append('\n');
        }
        if (!v.outcomes().isEmpty()) {
            s.append('\n').append(Formats.outcomeTable(v.outcomes()));
        }
        if (v.lincheck() != null) {
            s.append("\nLincheck: ").append(v.lincheck().verdict());
            if (v.lincheck().note() != null) {
                s.append(" - ").append(v.lincheck().note());
            }
            s.append('\n');
        }
        return s.toString();
    }

    private static void property(StringBuilder x, String name, String value) {
        x.append("    <property name=\"").append(attr(name)).append("\" value=\"")
                .append(attr(value == null ? "" : value)).append("\"/>\n");
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }

    static String attr(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : xmlChars(s).toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append("&#9;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** CDATA cannot hold "]]>": split it across two sections. */
    static String cdata(String s) {
        return "<![CDATA[" + xmlChars(s).replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }

    /** Drops the control characters XML 1.0 cannot carry at all. */
    private static String xmlChars(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
