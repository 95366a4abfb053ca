package dev.pageflags.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JCStress's own HTML page of each test, found where the suite leaves them: {@code stress/<test>.html}
 * for the races, {@code stress/<batch>/<test>.html} for the other batches (litmus and atomicity share
 * {@code litmus-atomicity/}). Only pages that exist are linked.
 */
final class JcstressPages {
    private static final String SUFFIX = ".html";

    private final Map<String, String> hrefs;

    private JcstressPages(Map<String, String> hrefs) {
        this.hrefs = hrefs;
    }

    static JcstressPages find(ResultsLayout layout) throws IOException {
        Map<String, String> hrefs = new HashMap<>();
        add(layout, ResultsLayout.files(layout.stress()), hrefs);
        for (Path batch : ResultsLayout.folders(layout.stress())) {
            add(layout, ResultsLayout.files(batch), hrefs);
        }
        return new JcstressPages(hrefs);
    }

    private static void add(ResultsLayout layout, List<Path> files, Map<String, String> hrefs) {
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.endsWith(SUFFIX) && !name.equals(ResultsLayout.PAGE)) {
                // The races' pages sit at the top and are found first; a batch folder never overrides them.
                hrefs.putIfAbsent(name.substring(0, name.length() - SUFFIX.length()), layout.href(f));
            }
        }
    }

    Optional<String> href(String test) {
        return Optional.ofNullable(hrefs.get(test));
    }

    int count() {
        return hrefs.size();
    }

    /** The test name as a link to its page, or as plain text when JCStress left none. */
    String nameCell(String test, String shown) {
        return href(test).map(h -> Html.dottedLink(h, shown)).orElse(Html.dotted(shown));
    }
}
