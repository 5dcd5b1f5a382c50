package io.djorm.behaviour.parity;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.Ref;
import io.djorm.core.RelatedManager;
import io.djorm.core.fields.CharField;
import io.djorm.core.fields.DateField;
import io.djorm.core.fields.FloatField;
import io.djorm.core.fields.ForeignKey;
import io.djorm.core.OnDelete;
import java.time.LocalDate;

/** The parity twin of parity/django's Author; mentor is a self foreign key (SET_NULL). */
public class Author extends Model {
    @CharField(maxLength = 50)
    public String name;

    @CharField(maxLength = 80, nullable = true, unique = true)
    public String email;

    @DateField(nullable = true)
    public LocalDate born;

    @FloatField(nullable = true)
    public Double rating;

    @ForeignKey(to = Author.class, onDelete = OnDelete.SET_NULL, nullable = true, relatedName = "pupils")
    public Ref<Author> mentor;

    /** The default manager. */
    public static Manager<Author> objects() {
        return Manager.of(Author.class);
    }

    /** The books this author wrote (reverse of Book.author). */
    public RelatedManager<Book> books() {
        return related("books");
    }

    /** The books this author edited (reverse of Book.editor, PROTECT). */
    public RelatedManager<Book> edited() {
        return related("edited");
    }

    /** The authors this one mentors (reverse of Author.mentor). */
    public RelatedManager<Author> pupils() {
        return related("pupils");
    }

    /** The reviews this author wrote (reverse of Review.reviewer, SET_DEFAULT). */
    public RelatedManager<Review> reviews() {
        return related("reviews");
    }

    /** The author's profile (reverse one-to-one); DoesNotExist when there is none. */
    public Profile profile() {
        return relatedObject("profile");
    }
}
