package io.djorm.core.spi;

import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import java.util.List;

/**
 * Everything that differs in the SQL of one database family: quoting, lookup operators, date parts,
 * column types, functions. The compiler asks the dialect and never hard-codes a database's syntax.
 */
public interface Dialect {

    /** A short name for messages, such as {@code "sqlite"}. */
    String name();

    /** Quotes an identifier (table, column, alias) so that any name is safe. */
    String quote(String identifier);

    /**
     * The SQL of a comparison lookup such as {@code exact}, {@code icontains} or {@code regex}, given the
     * left-hand SQL and the right-hand SQL (usually {@code ?}). Returns null when the dialect has no
     * such lookup.
     */
    String lookup(String lookupName, String lhs, String rhs);

    /**
     * The SQL that extracts a date part ({@code year}, {@code month}, {@code day}, {@code week_day},
     * {@code hour}, {@code minute}, {@code second}, {@code week}, {@code quarter}, {@code iso_year},
     * {@code iso_week_day}) as an integer from a stored date, time or datetime.
     */
    String extract(String part, String lhs);

    /** The SQL that truncates a stored datetime to its date ({@code TruncDate}, the {@code __date} transform). */
    String truncDate(String lhs);

    /**
     * The SQL that truncates a stored date, datetime or time to the start of its {@code kind}
     * ({@code year}, {@code quarter}, {@code month}, {@code week} (Monday), {@code day}, {@code hour},
     * {@code minute}, {@code second}), written in the stored form of {@code outputType}
     * ({@code "DateField"}, {@code "DateTimeField"} or {@code "TimeField"}) so that the result compares
     * with bound values and reads back like a column (Django: {@code Trunc}).
     */
    default String truncate(String kind, String lhs, String outputType) {
        throw new io.djorm.core.NotSupportedError("The " + name() + " backend cannot truncate dates (Trunc('" + kind
                + "')). Truncate the values in Java after reading them.");
    }

    /**
     * The frame clause of a window: {@code mode} ({@code ROWS} or {@code RANGE}) {@code BETWEEN start AND
     * end}, the bounds already written ({@code 2 PRECEDING}, {@code CURRENT ROW}, {@code UNBOUNDED
     * FOLLOWING}). Throws {@link io.djorm.core.NotSupportedError} where the database has no frames.
     */
    default String windowFrame(String mode, String start, String end) {
        return mode + " BETWEEN " + start + " AND " + end;
    }

    /** The LIMIT/OFFSET clause, beginning with a space, or an empty string when neither is set. */
    String limitOffset(Long limit, long offset);

    /** The SQL of a random ordering term. */
    String randomOrdering();

    /** The prefix that turns a SELECT into its plan ({@code EXPLAIN QUERY PLAN } on SQLite). */
    String explainPrefix();

    /** The column type a field takes in CREATE TABLE, or null for fields with no column. */
    String columnType(FieldMeta field);

    /**
     * The SQL call of a database function by its portable name ({@code LOWER}, {@code CONCAT}, ...),
     * given its rendered arguments. Throws {@link io.djorm.core.NotSupportedError} when the database has
     * no equivalent.
     */
    String function(String name, List<String> args);

    /** The largest number of bound parameters one statement may carry. */
    int maxParameters();

    /**
     * Creates the schema editor that turns model metadata into DDL on a connection (null: render SQL
     * only). {@code models} resolves a relation's target label ({@code "shop.Author"}) to its metadata,
     * from the live registry or from migration state.
     */
    SchemaEditor schemaEditor(Connection connection, ModelResolver models);
}
