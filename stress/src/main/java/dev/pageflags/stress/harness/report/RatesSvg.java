package dev.pageflags.stress.harness.report;

import dev.pageflags.report.LogScale;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * rates.svg: the bad-outcome rate per million of every race test, one horizontal bar per run, on a log
 * axis (in results/reference/stress-merged the rates span five decades, so a linear axis would hide the
 * small ones). A zero rate has no logarithm: it is a diamond on the axis floor labelled "0", so a fixed
 * variant that held is visibly drawn rather than missing. A run without samples for a test is marked
 * "no samples". Plain SVG with its text inline: it must open offline and in a repository viewer.
 * Every bar or mark is a {@code <g class="mark">} with {@code data-test} and {@code data-run}.
 */
public final class RatesSvg {
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b",
            "#e377c2", "#17becf"};
    /** Room for the longest race name (about 70 characters at 13 px) right-aligned before the axis. */
    private static final int LEFT = 530;
    private static final int PLOT = 560;
    private static final int RIGHT = 130;
    private static final int TOP = 60;
    private static final int BAR = 14;
    private static final int GAP = 12;
    private static final int LEGEND_LINE = 20;

    private RatesSvg() {
    }

    public static String render(MergedView view) {
        List<String> races = view.raceNames();
        int runs = view.runs().size();
        List<Double> rates = new ArrayList<>();
        for (String race : races) {
            for (int i = 0; i < runs; i++) {
                RunSummary.TestRow t = view.test(i, race);
                if (t != null && t.samples() > 0) {
                    rates.add(t.ratePerMillion());
                }
            }
        }
        LogScale scale = LogScale.belowSmallest(rates, LEFT, LEFT + PLOT);
        int group = runs * BAR + GAP;
        int plotHeight = Math.max(group * races.size(), group);
        int axisY = TOP + plotHeight;
        int legendTop = axisY + 68;
        int height = legendTop + runs * LEGEND_LINE + 20;
        // The legend names the file too, which may be a long path: widen the picture rather than clip it.
        int legendChars = 0;
        for (int i = 0; i < runs; i++) {
            legendChars = Math.max(legendChars, legend(view, i).length());
        }
        int width = Math.max(LEFT + PLOT + RIGHT, 40 + (int) Math.ceil(legendChars * 7.5));

        StringBuilder svg = new StringBuilder();
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"13\">%n", width, height, width, height));
        svg.append("<title>Bad-outcome rate per million samples, race tests, per run</title>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(text(LEFT + PLOT / 2.0, 24, "middle", 16, "bold",
                "Bad-outcome rate per million samples, per race test and run (log scale)"));
        // Decade grid and tick labels first, so bars are drawn over them.
        for (double tick : scale.decades()) {
            double x = scale.x(tick);
            svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\""
                    + " stroke=\"#dddddd\"/>%n", x, TOP - 6, x, axisY));
            svg.append(text(x, axisY + 18, "middle", 12, null, TickLabel.of(tick)));
        }
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\""
                + " stroke=\"black\"/>%n", LEFT, axisY, LEFT + PLOT, axisY));
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\""
                + " stroke=\"black\"/>%n", LEFT, TOP - 6, LEFT, axisY));
        svg.append(text(LEFT + PLOT / 2.0, axisY + 40, "middle", 13, null,
                "bad samples per million samples (log scale; 0 = none seen, drawn on the axis floor)"));
        svg.append(text(16, TOP - 14, "start", 13, "bold", "race test"));

        for (int r = 0; r < races.size(); r++) {
            String race = races.get(r);
            int groupTop = TOP + r * group;
            svg.append(text(LEFT - 10, groupTop + runs * BAR / 2.0 + 4, "end", 13, null,
                    MergedView.shortName(race)));
            for (int i = 0; i < runs; i++) {
                svg.append(mark(view, scale, race, i, groupTop + i * BAR));
            }
        }
        for (int i = 0; i < runs; i++) {
            int y = legendTop + i * LEGEND_LINE;
            svg.append(String.format(Locale.ROOT, "<g class=\"legend\" data-run=\"%s\"><rect x=\"%d\" y=\"%d\""
                    + " width=\"14\" height=\"14\" fill=\"%s\"/>", MergedView.runLabel(i), 16, y - 11, colour(i)));
            svg.append(text(38, y, "start", 13, null, legend(view, i)).strip());
            svg.append("</g>\n");
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String legend(MergedView view, int i) {
        RunSummary run = view.runs().get(i);
        return MergedView.runLabel(i) + "  " + run.describe() + "  (" + run.fileLabel() + ")";
    }

    private static String mark(MergedView view, LogScale scale, String race, int run, int y) {
        RunSummary.TestRow t = view.test(run, race);
        String head = String.format(Locale.ROOT, "<g class=\"mark\" data-test=\"%s\" data-run=\"%s\">",
                escape(race), MergedView.runLabel(run));
        double mid = y + BAR / 2.0;
        StringBuilder g = new StringBuilder(head);
        if (t == null || t.samples() == 0) {
            g.append(text(LEFT + 6, mid + 4, "start", 12, null, t == null ? "not in this run" : "no samples"));
        } else if (t.ratePerMillion() <= 0) {
            double x = scale.x(0);
            g.append(String.format(Locale.ROOT, "<path class=\"zero\" d=\"M %.1f %.1f l 5 5 l -5 5 l -5 -5 z\""
                    + " fill=\"%s\"/>", x, mid - 5, colour(run)));
            g.append(text(x + 9, mid + 4, "start", 12, null, "0"));
        } else {
            double x = scale.x(t.ratePerMillion());
            g.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\""
                    + " fill=\"%s\"><title>%s</title></rect>", LEFT, y + 1, Math.max(1, x - LEFT), BAR - 2,
                    colour(run), escape(MergedView.shortName(race) + " " + MergedView.runLabel(run) + ": "
                            + MergedMarkdown.rate(t.samples(), t.ratePerMillion()) + " per million")));
            g.append(text(x + 4, mid + 4, "start", 12, null, MergedMarkdown.rate(t.samples(), t.ratePerMillion())));
        }
        return g.append("</g>\n").toString();
    }

    private static String colour(int run) {
        return COLOURS[run % COLOURS.length];
    }

    private static String text(double x, double y, String anchor, int size, String weight, String content) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\"%s>%s</text>%n",
                x, y, anchor, size, weight == null ? "" : " font-weight=\"" + weight + "\"", escape(content));
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
