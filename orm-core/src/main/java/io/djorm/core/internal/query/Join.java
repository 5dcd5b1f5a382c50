package io.djorm.core.internal.query;

/**
 * A table joined into a query.
 *
 * @param alias the alias the table has in this query
 * @param table the joined table
 * @param parentAlias the alias of the table it hangs off
 * @param parentColumn the column on the parent side
 * @param column the column on the joined side
 * @param leftOuter LEFT OUTER (keeps parent rows without a match) rather than INNER
 */
public record Join(String alias, String table, String parentAlias, String parentColumn, String column,
                   boolean leftOuter) {
    /** The same join as LEFT OUTER. */
    public Join promoted() {
        return new Join(alias, table, parentAlias, parentColumn, column, true);
    }
}
