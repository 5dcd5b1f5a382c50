package io.djorm.core.internal.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** LookupPaths splits every path into the parts {@code String.split("__", -1)} gives, which it replaces. */
class LookupPathsTest {
    @Test
    void splitsAsStringSplitDoes() {
        for (String path : List.of("pages", "pages__gt", "author__name__icontains", "", "__", "____", "a__", "__a",
                "a___b", "a____b", "_a_", "a__b__", "author__born__year__gte", "x_y__z_w")) {
            assertThat(LookupPaths.split(path)).as(path).containsExactly(path.split("__", -1));
        }
    }

    @Test
    void keptPartsAreThoseOfTheSamePathForManyPathsSplitAgainAndAgain() {
        java.util.List<String> paths = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) paths.add("f" + i + "__rel" + (i % 7) + (i % 3 == 0 ? "__gt" : ""));
        for (int round = 0; round < 3; round++) {
            for (String path : paths) {
                assertThat(LookupPaths.split(path)).as(path).containsExactly(path.split("__", -1));
                String equalCopy = new String(path); // the same path built again at run time
                assertThat(LookupPaths.split(equalCopy)).as(path).containsExactly(path.split("__", -1));
            }
        }
    }
}
