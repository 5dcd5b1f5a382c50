package io.djorm.core;

import java.util.Collections;
import java.util.List;

/**
 * One row of {@code valuesListNamed()} (Django: {@code values_list(named=True)}), readable by name or
 * position.
 */
public final class Row {
    private final List<String> names;
    private final List<Object> values;

    Row(List<String> names, List<Object> values) {
        this.names = names;
        this.values = Collections.unmodifiableList(values);
    }

    /** The value of a column by name. */
    public Object get(String name) {
        int i = names.indexOf(name);
        if (i < 0) throw new FieldError("This row has no column '" + name + "'. Columns: " + names + ".");
        return values.get(i);
    }

    /** The value at a position. */
    public Object get(int index) {
        return values.get(index);
    }

    /** The column names. */
    public List<String> names() {
        return names;
    }

    /** The values, in column order. */
    public List<Object> values() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Row r && r.names.equals(names) && r.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Row(");
        for (int i = 0; i < names.size(); i++) sb.append(i > 0 ? ", " : "").append(names.get(i)).append('=').append(values.get(i));
        return sb.append(')').toString();
    }
}
