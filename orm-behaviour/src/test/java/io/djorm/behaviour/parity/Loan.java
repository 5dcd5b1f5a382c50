package io.djorm.behaviour.parity;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.Ref;
import io.djorm.core.fields.CharField;
import io.djorm.core.fields.DateField;
import io.djorm.core.fields.ForeignKey;
import io.djorm.core.OnDelete;
import java.time.LocalDate;

/** The parity twin of parity/django's Loan: book is RESTRICT. */
public class Loan extends Model {
    @ForeignKey(to = Book.class, onDelete = OnDelete.RESTRICT, relatedName = "loans")
    public Ref<Book> book;

    @CharField(maxLength = 50)
    public String borrower;

    @DateField(nullable = true)
    public LocalDate due;

    /** The default manager. */
    public static Manager<Loan> objects() {
        return Manager.of(Loan.class);
    }
}
