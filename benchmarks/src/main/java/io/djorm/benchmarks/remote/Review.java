package io.djorm.benchmarks.remote;

import io.djorm.core.Manager;
import io.djorm.core.Meta;
import io.djorm.core.Model;
import io.djorm.core.Ref;
import io.djorm.core.fields.ForeignKey;
import io.djorm.core.fields.IntegerField;
import io.djorm.core.OnDelete;

/** A review of a book: the second level of the delete cascade author → books → reviews. */
@Meta(dbTable = "rb_review")
public class Review extends Model {
    @IntegerField
    public Integer stars;

    @ForeignKey(to = Book.class, onDelete = OnDelete.CASCADE, relatedName = "reviews")
    public Ref<Book> book;

    /** The default manager. */
    public static Manager<Review> objects() {
        return Manager.of(Review.class);
    }
}
