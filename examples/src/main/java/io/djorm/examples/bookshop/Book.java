package io.djorm.examples.bookshop;

import io.djorm.core.Manager;
import io.djorm.core.Meta;
import io.djorm.core.Model;
import io.djorm.core.fields.CharField;
import io.djorm.core.fields.DateField;
import io.djorm.core.fields.DecimalField;
import io.djorm.core.fields.IntegerField;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A book in the shop's catalogue. */
@Meta(ordering = {"title"})
public class Book extends Model {
    @CharField(maxLength = 200)
    public String title;

    @CharField(maxLength = 100)
    public String authorName;

    @IntegerField(defaultValue = "0")
    public Integer pages;

    @DecimalField(maxDigits = 7, decimalPlaces = 2)
    public BigDecimal price;

    @IntegerField(defaultValue = "0")
    public Integer stock;

    @DateField(nullable = true)
    public LocalDate published;

    /** The default manager: {@code Book.objects()}. */
    public static Manager<Book> objects() {
        return Manager.of(Book.class);
    }

    @Override
    public String toString() {
        return title + " (" + authorName + ", " + pages + " pages, $" + price + ")";
    }
}
