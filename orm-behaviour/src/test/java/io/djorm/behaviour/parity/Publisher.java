package io.djorm.behaviour.parity;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.RelatedManager;
import io.djorm.core.fields.CharField;
import io.djorm.core.fields.DateField;
import java.time.LocalDate;

/** The parity twin of parity/django's Publisher. */
public class Publisher extends Model {
    @CharField(maxLength = 50)
    public String name;

    @CharField(maxLength = 30, nullable = true)
    public String country;

    @DateField(nullable = true)
    public LocalDate founded;

    /** The default manager. */
    public static Manager<Publisher> objects() {
        return Manager.of(Publisher.class);
    }

    /** The publisher's books (reverse of Book.publisher). */
    public RelatedManager<Book> books() {
        return related("books");
    }
}
