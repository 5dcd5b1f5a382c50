package io.djorm.behaviour.parity;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.Ref;
import io.djorm.core.fields.DateTimeField;
import io.djorm.core.fields.ForeignKey;
import io.djorm.core.fields.IntegerField;
import io.djorm.core.fields.TextField;
import io.djorm.core.OnDelete;
import java.time.LocalDateTime;

/** The parity twin of parity/django's Review: reviewer is SET_DEFAULT (author 1). */
public class Review extends Model {
    @ForeignKey(to = Book.class, onDelete = OnDelete.CASCADE, relatedName = "reviews")
    public Ref<Book> book;

    @ForeignKey(to = Author.class, onDelete = OnDelete.SET_DEFAULT, defaultValue = "1", relatedName = "reviews")
    public Ref<Author> reviewer;

    @IntegerField
    public Integer stars;

    @TextField(defaultValue = "")
    public String comment;

    @DateTimeField(nullable = true)
    public LocalDateTime posted;

    /** The default manager. */
    public static Manager<Review> objects() {
        return Manager.of(Review.class);
    }
}
