package io.djorm.core.expressions;

import io.djorm.core.FieldError;
import io.djorm.core.internal.ModelMetaFactory;
import io.djorm.core.internal.fields.BigIntegerType;
import io.djorm.core.internal.fields.BooleanType;
import io.djorm.core.internal.fields.DateTimeType;
import io.djorm.core.internal.fields.DateType;
import io.djorm.core.internal.fields.DecimalType;
import io.djorm.core.internal.fields.DurationType;
import io.djorm.core.internal.fields.FloatType;
import io.djorm.core.internal.fields.TextType;
import io.djorm.core.internal.fields.TimeType;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.FieldType;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Field descriptions for computed values (Django: {@code output_field=IntegerField()}): they say how a
 * result column is read back into Java. Any model field's {@link FieldMeta} works too.
 */
public final class OutputFields {
    /** A whole number, read as Long. */
    public static final FieldMeta INTEGER = field("integer", BigIntegerType.class, Long.class);
    /** A floating-point number, read as Double. */
    public static final FieldMeta FLOAT = field("float", FloatType.class, Double.class);
    /** A decimal number at whatever scale the database returns, read as BigDecimal. */
    public static final FieldMeta DECIMAL = field("decimal", DecimalType.class, java.math.BigDecimal.class);
    /** Text, read as String. */
    public static final FieldMeta TEXT = field("text", TextType.class, String.class);
    /** A boolean, read as Boolean. */
    public static final FieldMeta BOOLEAN = field("boolean", BooleanType.class, Boolean.class);
    /** A date, read as LocalDate. */
    public static final FieldMeta DATE = field("date", DateType.class, java.time.LocalDate.class);
    /** A date and time, read as LocalDateTime. */
    public static final FieldMeta DATETIME = field("datetime", DateTimeType.class, java.time.LocalDateTime.class);
    /** A time of day, read as LocalTime. */
    public static final FieldMeta TIME = field("time", TimeType.class, java.time.LocalTime.class);
    /** A duration, read as Duration. */
    public static final FieldMeta DURATION = field("duration", DurationType.class, java.time.Duration.class);

    private static final Set<String> INTEGERS = Set.of("AutoField", "BigAutoField", "IntegerField", "BigIntegerField",
            "SmallIntegerField", "PositiveIntegerField");
    private static final Set<String> TEXTS = Set.of("CharField", "TextField", "EmailField", "URLField", "SlugField");
    private static final Set<String> TEMPORALS = Set.of("DateField", "DateTimeField", "TimeField", "DurationField");

    private OutputFields() {
    }

    private static FieldMeta field(String name, Class<? extends FieldType> type, Class<?> javaType) {
        return FieldMeta.builder(name, ModelMetaFactory.type(type)).javaType(javaType).nullable(true).build();
    }

    /** A decimal with a fixed number of places: values read back are rounded to that scale. */
    public static FieldMeta decimal(int maxDigits, int decimalPlaces) {
        return FieldMeta.builder("decimal", ModelMetaFactory.type(DecimalType.class)).javaType(java.math.BigDecimal.class)
                .nullable(true).param("max_digits", maxDigits).param("decimal_places", decimalPlaces).build();
    }

    static boolean isInteger(FieldMeta f) {
        return f != null && INTEGERS.contains(f.type().internalType());
    }

    static boolean isNumeric(FieldMeta f) {
        if (f == null) return false;
        String t = f.type().internalType();
        return INTEGERS.contains(t) || t.equals("FloatField") || t.equals("DecimalField");
    }

    static boolean isText(FieldMeta f) {
        return f != null && TEXTS.contains(f.type().internalType());
    }

    static boolean isTemporal(FieldMeta f) {
        return f != null && TEMPORALS.contains(f.type().internalType());
    }

    static boolean isDecimal(FieldMeta f) {
        return f != null && f.type().internalType().equals("DecimalField");
    }

    /**
     * The one field that describes every source (Django's {@code _resolve_output_field}): sources of the
     * same kind keep it, an integer widens to a decimal or a float, anything else (a decimal with a float
     * too) is a mix the caller must settle with an explicit output field. Sources with no field (NULL, plain literals) are skipped.
     */
    static FieldMeta common(String what, List<Expression> sources) {
        return common(what, "", sources);
    }

    /**
     * {@link #common(String, List)} for an expression named {@code prefix + subject} in the error: the
     * name is built only when there is an error, as building it (the expression's toString) on every
     * call showed in the profile of an update() with F.
     */
    static FieldMeta common(String prefix, Object subject, List<Expression> sources) {
        FieldMeta result = null;
        for (int i = 0; i < sources.size(); i++) { // indexed: no iterator for each arithmetic of an update()
            FieldMeta f = sources.get(i).outputField();
            if (f == null) continue;
            if (result == null || sameKind(result, f)) {
                result = result == null ? f : result;
            } else if (isNumeric(result) && isNumeric(f) && (isInteger(result) || isInteger(f))) {
                // An integer widens to the other side; a decimal with a float is a mix, as in Django.
                result = rank(f) > rank(result) ? f : result;
            } else if (isText(result) && isText(f)) {
                result = TEXT;
            } else {
                throw new FieldError(prefix + subject + " contains mixed types: " + result.type().internalType() + ", "
                        + f.type().internalType() + ". Wrap it in ExpressionWrapper(expression, outputField) or "
                        + "Cast(...) to say which type the result has.");
            }
        }
        return result;
    }

    private static boolean sameKind(FieldMeta a, FieldMeta b) {
        return Objects.equals(a.type().internalType(), b.type().internalType())
                || isInteger(a) && isInteger(b);
    }

    private static int rank(FieldMeta f) {
        String t = f.type().internalType();
        return t.equals("FloatField") ? 2 : t.equals("DecimalField") ? 1 : 0;
    }
}
