package io.djorm.sqlite.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.sqlite.internal.schema.SchemaNames;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Generated index names equal Django 3.2's (each expected name was computed by Django's schema editor). */
class SchemaNamesTest {
    @Test
    void singleColumnIndexesAreNamedLikeDjango() {
        assertThat(SchemaNames.indexName("shop_book", List.of("author_id"), "")).isEqualTo("shop_book_author_id_82b8ab51");
        assertThat(SchemaNames.indexName("shop_book", List.of("title"), "")).isEqualTo("shop_book_title_1f19d72a");
    }

    @Test
    void uniqueTogetherIndexesAreNamedLikeDjango() {
        assertThat(SchemaNames.indexName("shop_book_tags", List.of("book_id", "tag_id"), "_uniq"))
                .isEqualTo("shop_book_tags_book_id_tag_id_870e5de6_uniq");
    }

    @Test
    void longNamesAreShortenedLikeDjango() {
        String table = "a_very_long_table_name_".repeat(6);
        assertThat(SchemaNames.indexName(table, List.of("first_column_with_a_long_name", "second_column_with_a_long_name",
                "third"), "_uniq")).isEqualTo("a_very_long_table_name_a_very_long_table_name_a_very_long_table_name_"
                + "a_very_long_table_name__first_column_with_a_long_name_second_column_with_a_long_name_third_5dedb28e_uniq");
        assertThat(SchemaNames.indexName("1table", List.of("c".repeat(300)), ""))
                .isEqualTo("D1table_" + "c".repeat(95) + "_14009df");
    }
}
