package io.djorm.core.internal.readers;

import io.djorm.core.ManyRelated;
import io.djorm.core.OnDelete;
import io.djorm.core.Ref;
import io.djorm.core.fields.BigIntegerField;
import io.djorm.core.fields.BinaryField;
import io.djorm.core.fields.BooleanField;
import io.djorm.core.fields.CharField;
import io.djorm.core.fields.DateField;
import io.djorm.core.fields.DateTimeField;
import io.djorm.core.fields.DecimalField;
import io.djorm.core.fields.DurationField;
import io.djorm.core.fields.EmailField;
import io.djorm.core.fields.FloatField;
import io.djorm.core.fields.ForeignKey;
import io.djorm.core.fields.IntegerField;
import io.djorm.core.fields.JSONField;
import io.djorm.core.fields.ManyToManyField;
import io.djorm.core.fields.OneToOneField;
import io.djorm.core.fields.PositiveIntegerField;
import io.djorm.core.fields.SlugField;
import io.djorm.core.fields.SmallIntegerField;
import io.djorm.core.fields.TextField;
import io.djorm.core.fields.TimeField;
import io.djorm.core.fields.URLField;
import io.djorm.core.fields.UUIDField;
import io.djorm.core.internal.readers.base.Stamped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;

/** A field of every kind the hydrator reads, stored every way the generated reader knows. */
public class Everything extends Stamped {
    /** A choice stored as its name. */
    public enum Size { SMALL, LARGE }

    @CharField(maxLength = 20, nullable = true)
    public String chars;
    @CharField(maxLength = 10, nullable = true)
    public Size size;
    @TextField(nullable = true)
    public String text;
    @IntegerField(nullable = true)
    public Integer integer;
    @BigIntegerField(nullable = true)
    public Long big;
    @SmallIntegerField(nullable = true)
    public Short small;
    @PositiveIntegerField(nullable = true)
    public Integer positive;
    @FloatField(nullable = true)
    public Double real;
    @DecimalField(maxDigits = 8, decimalPlaces = 2, nullable = true)
    public BigDecimal money;
    @BooleanField(nullable = true)
    public Boolean flag;
    @DateField(nullable = true)
    public LocalDate day;
    @DateTimeField(nullable = true)
    public LocalDateTime at;
    @TimeField(nullable = true)
    public LocalTime time;
    @DurationField(nullable = true)
    public Duration length;
    @UUIDField(nullable = true)
    public UUID uuid;
    @BinaryField(nullable = true)
    public byte[] bytes;
    @JSONField(nullable = true)
    public Map<String, Object> json;
    @EmailField(nullable = true)
    public String email;
    @SlugField(nullable = true)
    public String slug;
    @URLField(nullable = true)
    public String url;
    /** Package-private in the model's package: stored directly. */
    @IntegerField(nullable = true)
    Integer packaged;
    /** Private: through its accessor. */
    @CharField(maxLength = 20, nullable = true)
    private String secret;
    /** Primitive: through its accessor, which rejects NULL. */
    @IntegerField(defaultValue = "7")
    public int count;
    @ForeignKey(to = Place.class, onDelete = OnDelete.SET_NULL, nullable = true, relatedName = "things")
    public Ref<Place> place;
    /** A foreign key whose holder field is private: its key goes through the accessor. */
    @ForeignKey(to = Place.class, onDelete = OnDelete.SET_NULL, nullable = true, relatedName = "hidden")
    private Ref<Place> hiddenPlace;
    @OneToOneField(to = Place.class, onDelete = OnDelete.SET_NULL, nullable = true, relatedName = "only")
    public Ref<Place> home;
    @ManyToManyField(to = Place.class, relatedName = "visitors")
    public ManyRelated<Place> visited;

    /** The private field. */
    public String secret() {
        return secret;
    }

    /** The package-private field. */
    public Integer packaged() {
        return packaged;
    }

    /** The private foreign key's holder. */
    public Ref<Place> hiddenPlace() {
        return hiddenPlace;
    }
}
