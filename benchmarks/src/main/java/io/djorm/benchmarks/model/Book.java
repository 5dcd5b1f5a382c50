package io.djorm.benchmarks.model;

import io.djorm.core.Manager;
import io.djorm.core.ManyRelated;
import io.djorm.core.Meta;
import io.djorm.core.Model;
import io.djorm.core.Ref;
import io.djorm.core.fields.CharField;
import io.djorm.core.fields.FloatField;
import io.djorm.core.fields.ForeignKey;
import io.djorm.core.fields.IntegerField;
import io.djorm.core.fields.ManyToManyField;
import io.djorm.core.OnDelete;

/** The benchmark's main row: a few columns of common kinds, a foreign key and a many-to-many. */
@Meta(dbTable = "bench_book")
public class Book extends Model {
    @CharField(maxLength = 80)
    public String title;

    @IntegerField
    public Integer pages;

    @FloatField
    public Double price;

    @IntegerField(defaultValue = "0")
    public Integer views;

    @ForeignKey(to = Author.class, onDelete = OnDelete.CASCADE, relatedName = "books")
    public Ref<Author> author;

    @ManyToManyField(to = Tag.class, relatedName = "books")
    public ManyRelated<Tag> tags;

    /** The default manager. */
    public static Manager<Book> objects() {
        return Manager.of(Book.class);
    }
}
