// region model-book
package io.djorm.docs.shop;

import io.djorm.core.CheckConstraint;
import io.djorm.core.Index;
import io.djorm.core.Manager;
import io.djorm.core.ManyRelated;
import io.djorm.core.Meta;
import io.djorm.core.Model;
import io.djorm.core.OnDelete;
import io.djorm.core.Ref;
import io.djorm.core.fields.CharField;
import io.djorm.core.fields.DateField;
import io.djorm.core.fields.DecimalField;
import io.djorm.core.fields.ForeignKey;
import io.djorm.core.fields.IntegerField;
import io.djorm.core.fields.ManyToManyField;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A book: plain fields, two foreign keys and a many-to-many relation. */
@Meta(ordering = {"title"},
        indexes = @Index(fields = {"published"}),
        checks = @CheckConstraint(name = "book_pages_gte_0", check = {"pages__gte=0"}))
public class Book extends Model {
    @CharField(maxLength = 200)
    public String title;

    @IntegerField(defaultValue = "0")
    public Integer pages;

    @DecimalField(maxDigits = 7, decimalPlaces = 2)
    public BigDecimal price;

    @DateField(nullable = true)
    public LocalDate published;

    @ForeignKey(to = Author.class, onDelete = OnDelete.CASCADE, relatedName = "books")
    public Ref<Author> author;

    @ForeignKey(to = Publisher.class, onDelete = OnDelete.SET_NULL, nullable = true)
    public Ref<Publisher> publisher;

    @ManyToManyField(to = Tag.class, relatedName = "books")
    public ManyRelated<Tag> tags;

    public static Manager<Book> objects() {
        return Manager.of(Book.class);
    }
}
// endregion model-book
