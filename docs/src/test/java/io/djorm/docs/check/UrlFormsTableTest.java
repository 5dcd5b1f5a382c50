package io.djorm.docs.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.DatabaseUrl;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The table of DATABASE_URL forms in docs/configuration.md is what the parsers do: each row's URL is
 * parsed by the installed backends and must give the ENGINE, NAME, SYNC_URL and AUTH_TOKEN the row shows.
 */
class UrlFormsTableTest {
    private static final List<String> KEYS = List.of("ENGINE", "NAME", "SYNC_URL", "AUTH_TOKEN");

    @Test
    void everyUrlFormOfTheConfigurationPageParsesAsShown() throws Exception {
        List<String> lines = Files.readAllLines(DocsTree.docsDir().resolve("configuration.md"));
        List<String> problems = new ArrayList<>();
        int rows = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("| `sqlite") && !line.startsWith("| `libsql")) continue;
            rows++;
            String[] cells = line.split("\\|");
            // "| `url` | ENGINE | NAME | SYNC_URL | AUTH_TOKEN | meaning |" splits to "", url, 4 keys, meaning
            String url = unquote(cells[1]);
            Map<String, Object> expected = new LinkedHashMap<>();
            for (int k = 0; k < KEYS.size(); k++) {
                String v = unquote(cells[2 + k]);
                if (!v.equals("—")) expected.put(KEYS.get(k), v);
            }
            Map<String, Object> actual = new LinkedHashMap<>(DatabaseUrl.parse(url));
            actual.keySet().retainAll(KEYS);
            if (!actual.equals(expected)) {
                problems.add("docs/configuration.md:" + (i + 1) + ": " + url + " parses to " + actual + ", the page says " + expected);
            }
        }
        assertThat(rows).as("rows of URL forms in docs/configuration.md").isGreaterThanOrEqualTo(10);
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    private static String unquote(String cell) {
        String s = cell.strip();
        return s.startsWith("`") && s.endsWith("`") ? s.substring(1, s.length() - 1) : s;
    }
}
