package dev.pageflags.bench.report;

import dev.pageflags.report.Precision;
import dev.pageflags.report.LogScale;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The report as a chart: plain SVG 1.1 (rectangles, lines, polygons and text, no script, no external
 * font or style sheet), so any browser, image viewer or {@code rsvg-convert} shows it.
 *
 * <p>Two panels on log scales. Top: ns/op of every benchmark and native instruction, bar and JMH's
 * 99.9% error whisker. Bottom: every ratio, a bar from 1x to its value with its fork-level interval
 * as the whisker and its target marked; green when met, red when missed, amber when inconclusive,
 * grey when there is no interval to grade, blue when the ratio has no target. A whisker whose low
 * end lies at or below zero, or more than {@value #CLIP_DECADES} decade below the panel's smallest
 * bar, is cut at the axis and ends in an arrowhead ({@code class="clip"}): a log axis has no zero.
 */
public final class SvgChart {
    /** How far below the smallest bar a whisker may stretch the axis before it is clipped instead. */
    static final int CLIP_DECADES = 1;
    private static final int WIDTH = 1200;
    private static final int LABEL_RIGHT = 430;
    private static final int PLOT_LEFT = 440;
    private static final int PLOT_RIGHT = 900;
    private static final int VALUE_LEFT = 908;
    private static final int ROW = 17;
    private static final int BAR = 11;
    private static final String[] PALETTE = {"#4e79a7", "#59a14f", "#9c755f", "#f28e2b", "#76b7b2", "#b07aa1",
        "#edc948", "#ff9da7"};
    private static final String FLOOR_COLOUR = "#555555";
    private static final String NOT_MEASURED = "#cccccc";

    private final List<RatioSpec> ratios;

    public SvgChart(List<RatioSpec> ratios) {
        this.ratios = List.copyOf(ratios);
    }

    /**
     * One labelled bar of a panel; NaN value: nothing to draw; NaN ends: no whisker. A ratio's bar
     * carries its verdict as its class, so a reader's tools (and the tests) can find it.
     */
    private record Row(String label, double value, double low, double high, String colour, String text,
                       String verdict) {
        static Row of(String label, Figure f, String colour, String text) {
            return f.hasError() ? new Row(label, f.value(), f.low(), f.high(), colour, text, "")
                    : new Row(label, f.value(), Double.NaN, Double.NaN, colour, text, "");
        }

        boolean hasWhisker() {
            return !Double.isNaN(low) && !Double.isNaN(high);
        }
    }

    /** A panel: a title, an axis unit and rows, with optional sub-headings between them. */
    private record Panel(String title, String unit, List<Object> items, double reference) {
    }

    public String render(ResultSet run) {
        Panel times = timesPanel(run);
        Panel ratioPanel = ratioPanel(run);
        StringBuilder body = new StringBuilder();
        int y = 24;
        body.append(text(12, y, "Flag operations and the page lock", "start", 16, "bold"));
        y += 18;
        body.append(text(12, y, MarkdownReport.runLine(run).replace("`", ""), "start", 11, "normal"));
        y += 14;
        y = drawPanel(body, times, y + 16);
        y = drawPanel(body, ratioPanel, y + 24);
        int height = y + 16;
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + WIDTH + "\" height=\""
                + height + "\" viewBox=\"0 0 " + WIDTH + " " + height + "\" font-family=\"DejaVu Sans, Arial,"
                + " Helvetica, sans-serif\">\n"
                + "<rect x=\"0\" y=\"0\" width=\"" + WIDTH + "\" height=\"" + height + "\" fill=\"#ffffff\"/>\n"
                + body + "</svg>\n";
    }

    private Panel timesPanel(ResultSet run) {
        List<Object> items = new ArrayList<>();
        Map<String, String> colours = new LinkedHashMap<>();
        String section = null;
        for (BenchResult r : run.results()) {
            if (!r.section().equals(section)) {
                section = r.section();
                colours.putIfAbsent(section, PALETTE[colours.size() % PALETTE.length]);
                items.add(section);
            }
            items.add(Row.of(r.shortName(), r.nsPerOp(), colours.get(section), nsText(r.nsPerOp())));
        }
        run.floor().ifPresent(floor -> {
            items.add("native floor (" + floor.compiler() + ")");
            for (NativeFloor.Op op : floor.ops()) {
                items.add(Row.of(op.name() + "  (" + op.instruction() + ")", op.nsPerOp(), FLOOR_COLOUR,
                        nsText(op.nsPerOp())));
            }
        });
        return new Panel("ns per operation (log scale; whiskers: JMH's 99.9% error; \u25c0 at the axis: clipped)",
                "ns", items, Double.NaN);
    }

    private Panel ratioPanel(ResultSet run) {
        List<Object> items = new ArrayList<>();
        for (Map.Entry<String, List<RatioSpec>> g : MarkdownReport.groups(ratios).entrySet()) {
            items.add(g.getKey());
            for (RatioSpec spec : g.getValue()) {
                Optional<RatioResult> result = spec.evaluate(run);
                if (result.isEmpty()) {
                    items.add(new Row(spec.label(), Double.NaN, Double.NaN, Double.NaN, NOT_MEASURED, "not run", ""));
                    continue;
                }
                RatioResult r = result.get();
                String text = (r.interval() == null ? Precision.plain(r.ratio()) + "x" : r.format())
                        + (r.isUnstable() ? " unstable" : "")
                        + (spec.hasTarget() ? "  " + spec.targetText() + ": " + r.verdict().label() : "");
                String verdict = r.verdict().label();
                items.add(r.intervalIfAny()
                        .map(i -> new Row(spec.label(), r.ratio(), i.low(), i.high(), colour(r.verdict()), text,
                                verdict))
                        .orElse(new Row(spec.label(), r.ratio(), Double.NaN, Double.NaN, colour(r.verdict()), text,
                                verdict)));
                if (spec.hasTarget()) {
                    items.add(spec.target());
                }
            }
        }
        return new Panel("ratios (log scale; the line marks 1x, a red tick the target; whiskers: "
                + Math.round(Bootstrap.LEVEL * 100) + "% fork-level interval)", "x", items, 1.0);
    }

    private static String nsText(Figure f) {
        return f.format() + " ns" + (f.isUnstable() ? " unstable" : "");
    }

    static String colour(RatioVerdict verdict) {
        return switch (verdict) {
            case MET -> "#59a14f";
            case MISSED -> "#e15759";
            case INCONCLUSIVE -> "#edc948";
            case NO_INTERVAL -> "#bab0ac";
            case INFO -> "#4e79a7";
        };
    }

    private int drawPanel(StringBuilder svg, Panel panel, int top) {
        LogScale scale = LogScale.belowSmallest(extent(panel), PLOT_LEFT, PLOT_RIGHT);
        svg.append(text(12, top, panel.title(), "start", 13, "bold"));
        int y = top + 18;
        int gridTop = y - 4;
        svg.append(axisLabels(scale, y, panel.unit()));
        y += 8;
        StringBuilder rows = new StringBuilder();
        int lastRowY = -1;
        for (Object item : panel.items()) {
            if (item instanceof String heading) {
                y += 6;
                rows.append(text(12, y + 10, heading, "start", 11, "bold"));
                y += ROW;
            } else if (item instanceof Double target && lastRowY >= 0) {
                // A target tick belongs to the row drawn just before it.
                double x = scale.x(target);
                rows.append(line(x, lastRowY - 2, x, lastRowY + BAR + 2, "#d62728", 2.5));
            } else if (item instanceof Row row) {
                drawRow(rows, scale, row, y, panel.reference());
                lastRowY = y;
                y += ROW;
            }
        }
        // Grid first, so that bars and whiskers are drawn over it.
        svg.append(grid(scale, gridTop, y, panel.reference())).append(rows);
        return y;
    }

    /**
     * Every value the panel must show: bars, whisker ends, targets and the reference line. A whisker's
     * low end counts only within {@link #CLIP_DECADES} of the smallest bar; below that it is clipped.
     */
    private static List<Double> extent(Panel panel) {
        List<Double> values = new ArrayList<>();
        List<Double> lows = new ArrayList<>();
        for (Object item : panel.items()) {
            if (item instanceof Double target) {
                values.add(target);
            } else if (item instanceof Row row && row.value() > 0) {
                values.add(row.value());
                if (row.hasWhisker()) {
                    values.add(row.high());
                    lows.add(row.low());
                }
            }
        }
        if (!Double.isNaN(panel.reference())) {
            values.add(panel.reference());
        }
        double smallest = values.stream().filter(v -> v > 0).min(Double::compare).orElse(1.0);
        double floor = smallest / Math.pow(10, CLIP_DECADES);
        lows.stream().filter(v -> v >= floor).forEach(values::add);
        return values;
    }

    private static void drawRow(StringBuilder svg, LogScale scale, Row row, int y, double reference) {
        svg.append(text(LABEL_RIGHT, y + BAR - 1, row.label(), "end", 10.5, "normal"));
        if (row.value() > 0) {
            double from = Double.isNaN(reference) ? PLOT_LEFT : scale.x(reference);
            double to = scale.x(row.value());
            svg.append(String.format(Locale.ROOT,
                    "<rect%s x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>\n",
                    row.verdict().isEmpty() ? "" : " class=\"" + row.verdict() + "\"",
                    Math.min(from, to), y, Math.max(Math.abs(to - from), 1.0), BAR, row.colour()));
            if (row.hasWhisker()) {
                drawWhisker(svg, scale, row, y);
            }
        }
        svg.append(text(VALUE_LEFT, y + BAR - 1, row.text(), "start", 10.5, "normal"));
    }

    /** The interval as a line with end caps; a low end the axis cannot show becomes an arrowhead at the axis. */
    private static void drawWhisker(StringBuilder svg, LogScale scale, Row row, int y) {
        boolean clipped = !(row.low() >= Math.pow(10, scale.minExp()));
        double lo = clipped ? PLOT_LEFT : scale.x(row.low());
        double hi = scale.x(row.high());
        int mid = y + BAR / 2;
        svg.append(line(lo, mid, hi, mid, "#222222", 1));
        svg.append(line(hi, y + 2, hi, y + BAR - 2, "#222222", 1));
        if (clipped) {
            svg.append(String.format(Locale.ROOT,
                    "<polygon class=\"clip\" points=\"%.1f,%d %.1f,%d %.1f,%d\" fill=\"#222222\"/>\n",
                    lo, mid, lo + 6, y + 1, lo + 6, y + BAR - 1));
        } else {
            svg.append(line(lo, y + 2, lo, y + BAR - 2, "#222222", 1));
        }
    }

    private static String axisLabels(LogScale scale, int y, String unit) {
        StringBuilder s = new StringBuilder();
        for (double v : scale.decades()) {
            s.append(text(scale.x(v), y, AxisLabel.of(v, unit), "middle", 10, "normal"));
        }
        return s.toString();
    }

    private static String grid(LogScale scale, int top, int bottom, double reference) {
        StringBuilder s = new StringBuilder();
        for (double v : scale.decades()) {
            double x = scale.x(v);
            boolean ref = !Double.isNaN(reference) && v == reference;
            s.append(line(x, top, x, bottom, ref ? "#333333" : "#dddddd", ref ? 1.5 : 1));
        }
        return s.toString();
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, double width) {
        return String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"/>\n",
                x1, y1, x2, y2, colour, width);
    }

    private static String text(double x, double y, String content, String anchor, double size, String weight) {
        return String.format(Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%.1f\" font-weight=\"%s\" fill=\"#222222\">"
                        + "%s</text>\n", x, y, anchor, size, weight, escape(content));
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
