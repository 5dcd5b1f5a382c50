package io.djorm.behaviour.parity;

import io.djorm.core.Manager;
import io.djorm.core.ManyRelated;
import io.djorm.core.Model;
import io.djorm.core.Ref;
import io.djorm.core.RelatedManager;
import io.djorm.core.fields.BooleanField;
import io.djorm.core.fields.CharField;
import io.djorm.core.fields.DateField;
import io.djorm.core.fields.DateTimeField;
import io.djorm.core.fields.DecimalField;
import io.djorm.core.fields.ForeignKey;
import io.djorm.core.fields.IntegerField;
import io.djorm.core.fields.ManyToManyField;
import io.djorm.core.OnDelete;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** The parity twin of parity/django's Book: most field kinds and three on_delete variants. */
public class Book extends Model {
    @CharField(maxLength = 100)
    public String title;

    @IntegerField(nullable = true)
    public Integer pages;

    @DecimalField(maxDigits = 6, decimalPlaces = 2, nullable = true)
    public BigDecimal price;

    @DateField(nullable = true)
    public LocalDate published;

    @DateTimeField(nullable = true)
    public LocalDateTime opened;

    @BooleanField(defaultValue = "true")
    public boolean printed;

    @ForeignKey(to = Author.class, onDelete = OnDelete.CASCADE, relatedName = "books")
    public Ref<Author> author;

    @ForeignKey(to = Publisher.class, onDelete = OnDelete.SET_NULL, nullable = true, relatedName = "books")
    public Ref<Publisher> publisher;

    @ForeignKey(to = Author.class, onDelete = OnDelete.PROTECT, nullable = true, relatedName = "edited")
    public Ref<Author> editor;

    @ManyToManyField(to = Tag.class, relatedName = "books")
    public ManyRelated<Tag> tags;

    /** The default manager. */
    public static Manager<Book> objects() {
        return Manager.of(Book.class);
    }

    /** The book's reviews (reverse of Review.book). */
    public RelatedManager<Review> reviews() {
        return related("reviews");
    }

    /** The book's loans (reverse of Loan.book, RESTRICT). */
    public RelatedManager<Loan> loans() {
        return related("loans");
    }
}
