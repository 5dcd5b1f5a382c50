package io.djorm.core.expressions;

import io.djorm.core.internal.fields.Temporals;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;

/** Converts a plain Java value with no field to describe it into canonical database form. */
public final class Canonical {
    private Canonical() {
    }

    /** null, Long, Double, String or byte[] for the value. */
    public static Object of(Object v) {
        if (v == null || v instanceof Long || v instanceof String || v instanceof Double || v instanceof byte[]) return v;
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) return ((Number) v).longValue();
        if (v instanceof Float f) return f.doubleValue();
        if (v instanceof Boolean b) return b ? 1L : 0L;
        if (v instanceof BigDecimal d) return d.toPlainString();
        if (v instanceof LocalDateTime dt) return Temporals.format(dt);
        if (v instanceof LocalTime t) return Temporals.format(t);
        if (v instanceof LocalDate d) return d.toString();
        if (v instanceof Duration d) return d.getSeconds() * 1_000_000L + d.getNano() / 1000;
        if (v instanceof UUID u) return u.toString().replace("-", "");
        if (v instanceof Enum<?> e) return e.name();
        if (v instanceof CharSequence s) return s.toString();
        if (v instanceof io.djorm.core.Model m) return of(m.pk());
        throw new io.djorm.core.FieldError("Cannot use a " + v.getClass().getName() + " (" + v + ") as a query value; "
                + "pass a number, string, boolean, date/time, UUID, BigDecimal, bytes or a model instance.");
    }
}
