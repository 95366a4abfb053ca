package dev.pageflags.report;

/** The index page's only style sheet, inline so that the page is one file. */
final class PageStyle {
    private PageStyle() {
    }

    static final String CSS = """
            body { font: 15px/1.45 "DejaVu Sans", "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #1f2328;
                   background: #fff; margin: 0 auto; max-width: 1400px; padding: 0 24px 48px; }
            h1 { font-size: 26px; margin: 24px 0 4px; }
            h2 { font-size: 21px; margin: 36px 0 8px; padding-top: 10px; border-top: 2px solid #d0d7de; }
            h3 { font-size: 16px; margin: 20px 0 6px; }
            a { color: #0550ae; }
            table { border-collapse: collapse; margin: 6px 0 14px; font-size: 14px; }
            th, td { border: 1px solid #d0d7de; padding: 4px 8px; vertical-align: top; text-align: left; }
            thead th { background: #f6f8fa; }
            tbody tr:nth-child(even) { background: #fafbfc; }
            th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
            td.num, .nowrap { white-space: nowrap; }
            table.facts th, #contents th, #files-list th { background: #f6f8fa; white-space: nowrap; }
            code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 13px; }
            .desc { color: #57606a; font-size: 12.5px; font-weight: normal; }
            .note { color: #57606a; font-size: 13px; margin: 4px 0 8px; }
            .problem { border-left: 4px solid #cf222e; background: #ffebe9; padding: 8px 12px; }
            .verdict-line { font-size: 17px; margin: 8px 0; }
            .t-pass { color: #1a7f37; font-weight: 600; }
            .t-info { color: #57606a; }
            .t-warn { color: #9a6700; font-weight: 600; }
            .t-fail { color: #cf222e; font-weight: 700; }
            details { margin: 4px 0 12px; }
            summary { cursor: pointer; }
            details.trace summary h3 { display: inline; font-family: "DejaVu Sans Mono", Menlo, monospace; font-size: 14px; }
            figure.chart { margin: 8px 0 16px; overflow-x: auto; }
            figure.chart svg { max-width: 100%; height: auto; border: 1px solid #d0d7de; }
            figcaption { font-size: 12.5px; color: #57606a; }
            pre { background: #f6f8fa; padding: 8px 10px; font-size: 12.5px; white-space: pre-wrap;
                  overflow-wrap: anywhere; }
            .scroll { overflow-x: auto; }
            table.interleaving { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12px;
                                 width: 100%; table-layout: fixed; }
            table.interleaving td { white-space: pre-wrap; overflow-wrap: anywhere; padding: 0 6px;
                                    border-top: none; border-bottom: none; }
            table.interleaving td div { text-indent: -2ch; padding-left: 2ch; }
            """;
}
