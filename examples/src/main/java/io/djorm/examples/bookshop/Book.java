package io.djorm.examples.bookshop;

import io.djorm.core.Manager;
import io.djorm.core.ManyRelated;
import io.djorm.core.Meta;
import io.djorm.core.Model;
import io.djorm.core.Ref;
import io.djorm.core.fields.CharField;
import io.djorm.core.fields.DateField;
import io.djorm.core.fields.DecimalField;
import io.djorm.core.fields.ForeignKey;
import io.djorm.core.fields.IntegerField;
import io.djorm.core.fields.ManyToManyField;
import io.djorm.core.fields.TextField;
import io.djorm.core.OnDelete;
import io.djorm.vector.VectorField;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A book in the shop's catalogue, with an embedding of its description for similarity search. */
@Meta(ordering = {"title"})
public class Book extends Model {
    /** The title. */
    @CharField(maxLength = 200)
    public String title;

    /** Who wrote it. */
    @ForeignKey(to = Author.class, onDelete = OnDelete.CASCADE, relatedName = "books")
    public Ref<Author> author;

    /** Shelf labels. */
    @ManyToManyField(to = Tag.class, relatedName = "books")
    public ManyRelated<Tag> tags;

    /** Page count. */
    @IntegerField(defaultValue = "0")
    public Integer pages;

    /** Shelf price. */
    @DecimalField(maxDigits = 7, decimalPlaces = 2)
    public BigDecimal price;

    /** Copies in stock. */
    @IntegerField(defaultValue = "0")
    public Integer stock;

    /** First publication. */
    @DateField(nullable = true)
    public LocalDate published;

    /** The blurb the embedding is computed from. */
    @TextField(blank = true, defaultValue = "")
    public String description;

    /** {@link Embeddings#of(String)} of the description. */
    @VectorField(dimensions = Embeddings.DIMENSIONS)
    public float[] embedding;

    /** The default manager: {@code Book.objects()}. */
    public static Manager<Book> objects() {
        return Manager.of(Book.class);
    }

    @Override
    public String toString() {
        return title + " (" + pages + " pages, $" + price + ")";
    }
}
