package io.djorm.benchmarks.model;

import io.djorm.core.Manager;
import io.djorm.core.Meta;
import io.djorm.core.Model;
import io.djorm.core.Ref;
import io.djorm.core.fields.CharField;
import io.djorm.core.fields.ForeignKey;
import io.djorm.core.OnDelete;

/** A book's author, who lives in a country. */
@Meta(dbTable = "bench_author")
public class Author extends Model {
    @CharField(maxLength = 60)
    public String name;

    @ForeignKey(to = Country.class, onDelete = OnDelete.CASCADE, relatedName = "authors")
    public Ref<Country> country;

    /** The default manager. */
    public static Manager<Author> objects() {
        return Manager.of(Author.class);
    }
}
