package io.djorm.core.internal.fields;

import io.djorm.core.FieldError;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.FieldType;
import io.djorm.core.spi.RowCursor;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Django's {@code DecimalField}: a {@link BigDecimal} with fixed digits. Bound as text so no binary
 * rounding happens on the way in; read back at the declared scale.
 */
public final class DecimalType extends FieldType {
    private static final java.math.MathContext COMPUTED = new java.math.MathContext(15, RoundingMode.HALF_EVEN);

    @Override
    public String internalType() {
        return "DecimalField";
    }

    @Override
    public void configure(FieldMeta.Builder field, Annotation declaration) {
        int digits = Annotations.intAttribute(declaration, "maxDigits");
        int places = Annotations.intAttribute(declaration, "decimalPlaces");
        if (digits <= 0 || places < 0 || places > digits) {
            throw new FieldError("Field '" + field.name() + "' has maxDigits=" + digits + ", decimalPlaces=" + places
                    + "; maxDigits must be positive and at least decimalPlaces.");
        }
        field.param("max_digits", digits).param("decimal_places", places);
    }

    @Override
    public Object coerce(Object value, FieldMeta field) {
        if (value == null) return null;
        try {
            if (value instanceof BigDecimal b) return b;
            if (value instanceof Double || value instanceof Float) return new BigDecimal(value.toString());
            if (value instanceof Number n) return new BigDecimal(n.toString());
            if (value instanceof String s) return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            throw invalid(field, "a decimal number", value);
        }
        throw invalid(field, "a decimal number", value);
    }

    @Override
    public Object toDb(Object value, FieldMeta field) {
        if (value == null) return null;
        BigDecimal d = (BigDecimal) value;
        Integer places = field.intParam("decimal_places");
        if (places != null && d.scale() > places) d = d.setScale(places, RoundingMode.HALF_EVEN);
        return d.toPlainString();
    }

    @Override
    public Object toDbForLookup(Object value, FieldMeta field) {
        return value == null ? null : ((BigDecimal) value).toPlainString();
    }

    @Override
    public Object read(RowCursor row, int column, FieldMeta field) {
        String s = row.getString(column);
        if (s == null) return null;
        BigDecimal d = new BigDecimal(s.trim());
        Integer places = field.intParam("decimal_places");
        // A column keeps its declared places; a computed decimal (an average, a quotient) arrives as a
        // double, whose text differs per backend (15 digits from SQLite, 17 from a libSQL server): keep
        // 15 significant digits, as Django does, so every backend reads the same value.
        return places == null ? d.round(COMPUTED) : d.setScale(places, RoundingMode.HALF_EVEN);
    }

    @Override
    public String storageProblem(Object value, FieldMeta field) {
        List<String> errors = new java.util.ArrayList<>();
        validate(value, field, errors);
        // Stored anyway, the value would be rounded to decimal_places or overflow the column's number.
        return errors.isEmpty() ? null : String.join(" ", errors)
                + " (maxDigits=" + field.intParam("max_digits") + ", decimalPlaces=" + field.intParam("decimal_places") + ")";
    }

    @Override
    public void validate(Object value, FieldMeta field, List<String> errors) {
        BigDecimal d = ((BigDecimal) value).stripTrailingZeros();
        Integer digits = field.intParam("max_digits");
        Integer places = field.intParam("decimal_places");
        int scale = Math.max(d.scale(), 0);
        int whole = d.precision() - d.scale();
        if (places != null && scale > places) {
            errors.add("Ensure that there are no more than " + places + " decimal places.");
        }
        if (digits != null && places != null && whole > digits - places) {
            errors.add("Ensure that there are no more than " + (digits - places) + " digits before the decimal point.");
        }
    }
}
