package kyodo.wallet.web;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page template of both modules (wallet-web's and fund-service's, as the assembled application's class path
 * has them) is drawn in the one layout, has the main landmark the skip link leads to, and keeps to the CSP: no
 * inline style and no inline script. A page added without the layout fails here.
 */
class LayoutCoverageTest {
    /** Templates that are fragments of other pages, not pages. */
    private static final Set<String> FRAGMENTS = Set.of("layout.html", "fragments.html", "forms.html", "log-how.html",
            "names.html");
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>");
    private static final Pattern INLINE_STYLE = Pattern.compile("\\sstyle=\"|<style");

    @Test
    void everyPageOfBothModulesIsDrawnInTheLayout() throws IOException {
        Resource[] templates = new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html");
        List<String> wrong = new ArrayList<>();
        int pages = 0;
        for (Resource template : templates) {
            String name = template.getFilename();
            String html = template.getContentAsString(StandardCharsets.UTF_8);
            if (INLINE_SCRIPT.matcher(html).find() || INLINE_STYLE.matcher(html).find()) {
                wrong.add(name + ": inline script or style");
            }
            if (FRAGMENTS.contains(name)) {
                continue;
            }
            pages++;
            if (!html.contains("th:replace=\"~{layout :: page(")) {
                wrong.add(name + ": not in the layout");
            }
            if (!html.contains("<main id=\"main\"")) {
                wrong.add(name + ": no <main id=\"main\">");
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(pages).as("pages of both modules").isGreaterThan(40);
    }
}
