package io.djorm.benchmarks.remote;

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

/** The benchmark's main row: a few columns, two foreign keys and a many-to-many. */
@Meta(dbTable = "rb_book")
public class Book extends Model {
    @CharField(maxLength = 80)
    public String title;

    @IntegerField
    public Integer pages;

    @FloatField
    public Double price;

    @ForeignKey(to = Author.class, onDelete = OnDelete.CASCADE, relatedName = "books")
    public Ref<Author> author;

    @ForeignKey(to = Publisher.class, onDelete = OnDelete.CASCADE, relatedName = "books")
    public Ref<Publisher> publisher;

    @ManyToManyField(to = Tag.class, relatedName = "books")
    public ManyRelated<Tag> tags;

    /** The default manager. */
    public static Manager<Book> objects() {
        return Manager.of(Book.class);
    }
}
