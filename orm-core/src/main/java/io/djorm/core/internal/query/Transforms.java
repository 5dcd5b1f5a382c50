package io.djorm.core.internal.query;

import io.djorm.core.expressions.Expression;
import io.djorm.core.expressions.Resolver;
import io.djorm.core.expressions.SqlWriter;
import io.djorm.core.internal.ModelMetaFactory;
import io.djorm.core.internal.fields.DateType;
import io.djorm.core.internal.fields.IntegerType;
import io.djorm.core.meta.FieldMeta;
import java.util.Set;

/** Transforms that change a lookup's left side: date parts ({@code __year}) and {@code __date}. */
public final class Transforms {
    /** The date parts usable as {@code field__<part>}. */
    public static final Set<String> DATE_PARTS = Set.of("year", "iso_year", "quarter", "month", "week", "day",
            "week_day", "iso_week_day", "hour", "minute", "second");
    private static final FieldMeta INTEGER = FieldMeta.builder("extract", ModelMetaFactory.type(IntegerType.class))
            .javaType(Integer.class).nullable(true).build();
    private static final FieldMeta DATE = FieldMeta.builder("date", ModelMetaFactory.type(DateType.class))
            .javaType(java.time.LocalDate.class).nullable(true).build();

    private Transforms() {
    }

    /** Whether the name is a transform that applies to this field. */
    public static boolean isTransform(String name, FieldMeta field) {
        if (field == null) return false;
        String t = field.type().internalType();
        boolean temporal = t.equals("DateField") || t.equals("DateTimeField") || t.equals("TimeField");
        return temporal && (DATE_PARTS.contains(name) || (name.equals("date") && t.equals("DateTimeField")));
    }

    /** Applies a transform to a resolved expression. */
    public static Expression apply(String name, Expression lhs) {
        if (name.equals("date")) return new DateTransform(lhs);
        return new Extract(name, lhs);
    }

    /** A date part as an integer (Django: {@code Extract}). */
    public record Extract(String part, Expression lhs) implements Expression {
        @Override
        public Expression resolve(Resolver resolver) {
            return new Extract(part, lhs.resolve(resolver));
        }

        @Override
        public void render(SqlWriter out) {
            SqlTemplate.wrap(out, lhs, sql -> out.dialect().extract(part, sql));
        }

        @Override
        public FieldMeta outputField() {
            return INTEGER;
        }

        @Override
        public boolean containsAggregate() {
            return lhs.containsAggregate();
        }
    }

    /** The date of a datetime (Django: {@code TruncDate}, {@code __date}). */
    public record DateTransform(Expression lhs) implements Expression {
        @Override
        public Expression resolve(Resolver resolver) {
            return new DateTransform(lhs.resolve(resolver));
        }

        @Override
        public void render(SqlWriter out) {
            SqlTemplate.wrap(out, lhs, sql -> out.dialect().truncDate(sql));
        }

        @Override
        public FieldMeta outputField() {
            return DATE;
        }

        @Override
        public boolean containsAggregate() {
            return lhs.containsAggregate();
        }
    }
}
