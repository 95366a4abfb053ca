package dev.pageflags.bench.report;

import dev.pageflags.report.LogScale;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The report as a chart: plain SVG 1.1 (rectangles, lines and text, no script, no external font or
 * style sheet), so any browser, image viewer or {@code rsvg-convert} shows it.
 *
 * <p>Two panels on log scales. Top: ns/op of every benchmark and native instruction, bar and 99.9%
 * error whisker. Bottom: every ratio, a bar from 1x to its value, the target marked; green when met,
 * red when missed, amber when the target lies inside the error, blue when the ratio has no target.
 */
public final class SvgChart {
    private static final int WIDTH = 1100;
    private static final int LABEL_RIGHT = 430;
    private static final int PLOT_LEFT = 440;
    private static final int PLOT_RIGHT = 900;
    private static final int VALUE_LEFT = 908;
    private static final int ROW = 17;
    private static final int BAR = 11;
    private static final String[] PALETTE = {"#4e79a7", "#59a14f", "#9c755f", "#f28e2b", "#76b7b2", "#b07aa1",
        "#edc948", "#ff9da7"};
    private static final String FLOOR_COLOUR = "#555555";

    private final List<RatioSpec> ratios;

    public SvgChart(List<RatioSpec> ratios) {
        this.ratios = List.copyOf(ratios);
    }

    /** One labelled bar of a panel. */
    private record Row(String label, Figure figure, String colour, String text) {
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
            items.add(new Row(r.shortName(), r.nsPerOp(), colours.get(section), r.nsPerOp().format() + " ns"));
        }
        run.floor().ifPresent(floor -> {
            items.add("native floor (" + floor.compiler() + ")");
            for (NativeFloor.Op op : floor.ops()) {
                items.add(new Row(op.name() + "  (" + op.instruction() + ")", op.nsPerOp(), FLOOR_COLOUR,
                        op.nsPerOp().format() + " ns"));
            }
        });
        return new Panel("ns per operation (log scale; whiskers: 99.9% error)", "ns", items, Double.NaN);
    }

    private Panel ratioPanel(ResultSet run) {
        List<Object> items = new ArrayList<>();
        for (Map.Entry<String, List<RatioSpec>> g : MarkdownReport.groups(ratios).entrySet()) {
            items.add(g.getKey());
            for (RatioSpec spec : g.getValue()) {
                Optional<Figure> value = spec.evaluate(run);
                if (value.isEmpty()) {
                    items.add(new Row(spec.label(), null, "#cccccc", "not measured"));
                    continue;
                }
                Figure f = value.get();
                String text = f.formatRatio() + (spec.hasTarget() ? "  (target " + spec.targetText() + ")" : "");
                items.add(new Row(spec.label(), f, ratioColour(spec, f), text));
                if (spec.hasTarget()) {
                    items.add(spec.target());
                }
            }
        }
        return new Panel("ratios (log scale; the line marks 1x, a red tick the target)", "x", items, 1.0);
    }

    private static String ratioColour(RatioSpec spec, Figure f) {
        if (!spec.hasTarget()) {
            return "#4e79a7";
        }
        if (f.high() <= spec.target()) {
            return "#59a14f";
        }
        return f.low() <= spec.target() ? "#edc948" : "#e15759";
    }

    private int drawPanel(StringBuilder svg, Panel panel, int top) {
        LogScale scale = LogScale.covering(extent(panel), PLOT_LEFT, PLOT_RIGHT);
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

    /** Every value the panel must show: bars, whisker ends, targets and the reference line. */
    private static List<Double> extent(Panel panel) {
        List<Double> values = new ArrayList<>();
        for (Object item : panel.items()) {
            if (item instanceof Double target) {
                values.add(target);
            } else if (item instanceof Row row && row.figure() != null) {
                values.add(row.figure().value());
                values.add(row.figure().low());
                values.add(row.figure().high());
            }
        }
        if (!Double.isNaN(panel.reference())) {
            values.add(panel.reference());
        }
        return values;
    }

    private static void drawRow(StringBuilder svg, LogScale scale, Row row, int y, double reference) {
        svg.append(text(LABEL_RIGHT, y + BAR - 1, row.label(), "end", 10.5, "normal"));
        if (row.figure() != null && row.figure().value() > 0) {
            Figure f = row.figure();
            double from = Double.isNaN(reference) ? PLOT_LEFT : scale.x(reference);
            double to = scale.x(f.value());
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>\n",
                    Math.min(from, to), y, Math.max(Math.abs(to - from), 1.0), BAR, row.colour()));
            if (f.hasError() && f.low() > 0) {
                double lo = scale.x(f.low());
                double hi = scale.x(f.high());
                int mid = y + BAR / 2;
                svg.append(line(lo, mid, hi, mid, "#222222", 1));
                svg.append(line(lo, y + 2, lo, y + BAR - 2, "#222222", 1));
                svg.append(line(hi, y + 2, hi, y + BAR - 2, "#222222", 1));
            }
        }
        svg.append(text(VALUE_LEFT, y + BAR - 1, row.text(), "start", 10.5, "normal"));
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
