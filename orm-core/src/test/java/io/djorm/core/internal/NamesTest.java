package io.djorm.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.Index;
import io.djorm.core.Meta;
import io.djorm.core.Model;
import io.djorm.core.OnDelete;
import io.djorm.core.Ref;
import io.djorm.core.fields.ForeignKey;
import io.djorm.core.fields.IntegerField;
import io.djorm.core.meta.IndexMeta;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Unnamed Meta indexes are named as Django 3.2's Index.set_name_with_model names them (values computed by Django). */
class NamesTest {
    /** A model with unnamed indexes over a descending field and a foreign key (whose column is author_id). */
    @Meta(appLabel = "shop", dbTable = "shop_book", indexes = {@Index(fields = {"-pages"}), @Index(fields = {"author"})})
    public static class Book extends Model {
        @IntegerField public Integer pages;
        @ForeignKey(to = Book.class, onDelete = OnDelete.CASCADE) public Ref<Book> author;
    }

    @Test
    void unnamedMetaIndexesOfAModelAreNamedFromTheirColumns() {
        assertThat(ModelMetaFactory.build(Book.class).indexes()).extracting(IndexMeta::name)
                .containsExactly("shop_book_pages_268ea2_idx", "shop_book_author__9ca900_idx");
    }

    @Test
    void indexNamesFollowDjangosRule() {
        assertThat(Names.index("shop_book", List.of("-pages"), "idx")).isEqualTo("shop_book_pages_268ea2_idx");
        assertThat(Names.index("shop_book", List.of("title", "pages"), "idx")).isEqualTo("shop_book_title_1c87da_idx");
        assertThat(Names.index("shop_book", List.of("author_id"), "idx")).isEqualTo("shop_book_author__9ca900_idx");
        assertThat(Names.index("inventory_longtablenamemodel", List.of("verylongcolumnname"), "idx"))
                .isEqualTo("inventory_l_verylon_2df4f7_idx");
    }
}
