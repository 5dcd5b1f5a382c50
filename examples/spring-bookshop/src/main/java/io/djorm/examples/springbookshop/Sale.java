package io.djorm.examples.springbookshop;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.Ref;
import io.djorm.core.fields.ForeignKey;
import io.djorm.core.fields.IntegerField;
import io.djorm.core.OnDelete;

/** Copies of a book sold in one order line. */
public class Sale extends Model {
    /** The book sold. */
    @ForeignKey(to = Book.class, onDelete = OnDelete.PROTECT, relatedName = "sales")
    public Ref<Book> book;

    /** How many copies. */
    @IntegerField
    public Integer copies;

    /** The manager. */
    public static Manager<Sale> objects() {
        return Manager.of(Sale.class);
    }
}
