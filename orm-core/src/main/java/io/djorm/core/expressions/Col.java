package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/** A resolved column: a table alias and a field (Django: {@code Col}). */
public final class Col implements Expression {
    private final String tableAlias;
    private final FieldMeta field;

    /** A column of the table with this alias (null: unqualified). */
    public Col(String tableAlias, FieldMeta field) {
        this.tableAlias = tableAlias;
        this.field = field;
    }

    /** The table alias, or null. */
    public String tableAlias() {
        return tableAlias;
    }

    /** The field. */
    public FieldMeta field() {
        return field;
    }

    @Override
    public Expression resolve(Resolver resolver) {
        return this;
    }

    @Override
    public void render(SqlWriter out) {
        if (tableAlias != null) out.identifier(tableAlias).sql(".");
        out.identifier(field.column());
    }

    @Override
    public FieldMeta outputField() {
        return field;
    }

    @Override
    public String toString() {
        return "Col(" + tableAlias + "." + field.column() + ")";
    }
}
