package io.djorm.behaviour.shop;

import io.djorm.core.CheckConstraint;
import io.djorm.core.Index;
import io.djorm.core.Manager;
import io.djorm.core.Meta;
import io.djorm.core.UniqueTogether;
import io.djorm.core.fields.BinaryField;
import io.djorm.core.fields.BooleanField;
import io.djorm.core.fields.CharField;
import io.djorm.core.fields.DateField;
import io.djorm.core.fields.DateTimeField;
import io.djorm.core.fields.DecimalField;
import io.djorm.core.fields.DurationField;
import io.djorm.core.fields.FloatField;
import io.djorm.core.fields.IntegerField;
import io.djorm.core.fields.JSONField;
import io.djorm.core.fields.TextField;
import io.djorm.core.fields.UUIDField;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;

/** A book: most field kinds in one model. */
@Meta(ordering = {"title"}, indexes = @Index(fields = {"published"}),
        uniqueTogether = @UniqueTogether({"title", "edition"}),
        checks = @CheckConstraint(name = "book_pages_gte_0", check = {"pages__gte=0"}))
public class Book extends Timestamped {
    @CharField(maxLength = 100)
    public String title;

    @IntegerField(defaultValue = "1")
    public Integer edition;

    @IntegerField(defaultValue = "0")
    public int pages;

    @DecimalField(maxDigits = 8, decimalPlaces = 2, nullable = true)
    public BigDecimal price;

    @DateField(nullable = true)
    public LocalDate published;

    @DateTimeField(nullable = true)
    public LocalDateTime lastRead;

    @FloatField(nullable = true)
    public Double rating;

    @BooleanField(defaultValue = "true")
    public boolean inPrint;

    @CharField(maxLength = 2, choices = {"hc=Hardcover", "pb=Paperback"}, defaultValue = "pb")
    public String format;

    @TextField(blank = true, defaultValue = "")
    public String blurb;

    @JSONField(nullable = true)
    public Map<String, Object> extra;

    @UUIDField(nullable = true)
    public UUID code;

    @DurationField(nullable = true)
    public Duration readingTime;

    @BinaryField(nullable = true)
    public byte[] cover;

    /** The default manager. */
    public static Manager<Book> objects() {
        return Manager.of(Book.class);
    }

    /** A book with a title. */
    public static Book titled(String title) {
        Book b = new Book();
        b.title = title;
        return b;
    }
}
