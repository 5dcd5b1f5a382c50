package io.djorm.core.meta;

import io.djorm.core.internal.RelationTargets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything known about one field of a model: name, column, kind and options. Built from annotations
 * for model classes and from migration state for historical models. Immutable, apart from the model a
 * relation points at, which the runtime resolves once and keeps on the instance (reachable from the
 * runtime's internals only).
 */
public final class FieldMeta {
    private final String name;
    private final String column;
    private final FieldType type;
    private final Class<?> javaType;
    private final boolean nullable;
    private final boolean blank;
    private final boolean unique;
    private final boolean dbIndex;
    private final boolean primaryKey;
    private final boolean editable;
    private final boolean autoCreated;
    private final boolean hasDefault;
    private final Object defaultValue;
    private final String defaultText;
    private final List<Choice> choices;
    private final Map<String, Object> params;
    /** {@code intParam("max_length")}, read once (every text stored is checked against it), when {@link #maxLengthKept}. */
    private final Integer maxLength;
    /** Whether {@link #maxLength} is what {@code intParam} answers: the setting is absent or a number. */
    private final boolean maxLengthKept;
    private final Relation relation;
    private final FieldAccessor accessor;
    private final String helpText;
    /** The model a relation field points at, once the runtime resolved it; see {@link RelationTargets}. */
    private volatile ModelMeta resolvedTarget;

    static {
        RelationTargets.install(new RelationTargets.Slot() {
            @Override
            public ModelMeta get(FieldMeta field) {
                return field.resolvedTarget;
            }

            @Override
            public void set(FieldMeta field, ModelMeta target) {
                field.resolvedTarget = target;
            }
        });
    }

    /** A permitted value and its label. */
    public record Choice(Object value, String label) {
    }

    private FieldMeta(Builder b) {
        this.name = Objects.requireNonNull(b.name, "name");
        this.type = Objects.requireNonNull(b.type, "type");
        this.column = b.column != null ? b.column
                : (b.relation != null && b.relation.kind() != Relation.Kind.MANY_TO_MANY ? snakeCase(b.name) + "_id"
                : snakeCase(b.name));
        this.javaType = b.javaType;
        this.nullable = b.nullable;
        this.blank = b.blank;
        this.unique = b.unique || b.primaryKey;
        this.dbIndex = b.dbIndex;
        this.primaryKey = b.primaryKey;
        this.editable = b.editable;
        this.autoCreated = b.autoCreated;
        this.hasDefault = b.hasDefault;
        this.defaultValue = b.defaultValue;
        this.defaultText = b.defaultText;
        this.choices = List.copyOf(b.choices);
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(b.params));
        Object max = params.get("max_length");
        this.maxLengthKept = max == null || max instanceof Number;
        this.maxLength = max instanceof Number n ? Integer.valueOf(n.intValue()) : null;
        this.relation = b.relation;
        this.accessor = b.accessor;
        this.helpText = b.helpText;
    }

    /** {@code lastRead} → {@code last_read}: the default column name of a Java field. */
    public static String snakeCase(String name) {
        StringBuilder sb = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean prevLower = i > 0 && !Character.isUpperCase(name.charAt(i - 1)) && name.charAt(i - 1) != '_';
                boolean nextLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
                boolean prevUpper = i > 0 && Character.isUpperCase(name.charAt(i - 1));
                if (prevLower || (prevUpper && nextLower)) sb.append('_');
                sb.append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A new builder. */
    public static Builder builder(String name, FieldType type) {
        return new Builder(name, type);
    }

    /** A builder that starts as a copy of this field. */
    public Builder toBuilder() {
        Builder b = new Builder(name, type);
        b.column = column;
        b.javaType = javaType;
        b.nullable = nullable;
        b.blank = blank;
        b.unique = unique && !primaryKey;
        b.dbIndex = dbIndex;
        b.primaryKey = primaryKey;
        b.editable = editable;
        b.autoCreated = autoCreated;
        b.hasDefault = hasDefault;
        b.defaultValue = defaultValue;
        b.defaultText = defaultText;
        b.choices.addAll(choices);
        b.params.putAll(params);
        b.relation = relation;
        b.accessor = accessor;
        b.helpText = helpText;
        return b;
    }

    /** The field's name in Java and in lookups. */
    public String name() { return name; }

    /** The column name. */
    public String column() { return column; }

    /**
     * The attribute name of the raw value: the name itself, or {@code <name>_id} for a relation, as
     * Django's {@code attname}.
     */
    public String attname() { return isRelation() && relation.kind() != Relation.Kind.MANY_TO_MANY ? name + "_id" : name; }

    /** The field's kind. */
    public FieldType type() { return type; }

    /** The declared Java type of the model attribute, or null for historical (migration) models. */
    public Class<?> javaType() { return javaType; }

    /** Whether NULL is allowed. */
    public boolean nullable() { return nullable; }

    /** Whether an empty value passes validation. */
    public boolean blank() { return blank; }

    /** Whether the column is unique (primary keys always are). */
    public boolean unique() { return unique; }

    /** Whether the column has its own index. */
    public boolean dbIndex() { return dbIndex; }

    /** Whether this is the primary key. */
    public boolean primaryKey() { return primaryKey; }

    /** Whether validation and forms include the field. */
    public boolean editable() { return editable; }

    /** True for the implicit {@code id} field. */
    public boolean autoCreated() { return autoCreated; }

    /** Whether a default value is declared. */
    public boolean hasDefault() { return hasDefault; }

    /** The default Java value (meaningful when {@link #hasDefault()}). */
    public Object defaultValue() { return defaultValue; }

    /** The default as declared text, for migrations; null when none. */
    public String defaultText() { return defaultText; }

    /** Allowed values; empty when any value is allowed. */
    public List<Choice> choices() { return choices; }

    /** Kind-specific settings ({@code max_length}, {@code max_digits}, {@code dimensions}, ...). */
    public Map<String, Object> params() { return params; }

    /**
     * {@code intParam("max_length")}: kept when the field is made, rather than looked up in the settings for
     * every text stored (3 ns a value in a warm loop; JFR put more on it in a thousand-row bulkCreate).
     */
    public Integer maxLength() {
        return maxLengthKept ? maxLength : intParam("max_length");
    }

    /** A kind-specific integer setting, or null. */
    public Integer intParam(String key) {
        Object v = params.get(key);
        return v == null ? null : ((Number) v).intValue();
    }

    /** A kind-specific boolean setting, false when absent. */
    public boolean flag(String key) { return Boolean.TRUE.equals(params.get(key)); }

    /** The relation this field declares, or null. */
    public Relation relation() { return relation; }

    /** Whether this field is a relation. */
    public boolean isRelation() { return relation != null; }

    /** Whether the field is stored in a column of its model's table. */
    public boolean hasColumn() { return type.hasColumn(); }

    /** How to read and write the field on an instance; null for historical models. */
    public FieldAccessor accessor() { return accessor; }

    /** The field's help text. */
    public String helpText() { return helpText; }

    @Override
    public String toString() {
        return name + ":" + type.internalType();
    }

    /** Builds a {@link FieldMeta}. */
    public static final class Builder {
        private String name;
        private FieldType type;
        private String column;
        private Class<?> javaType;
        private boolean nullable;
        private boolean blank;
        private boolean unique;
        private boolean dbIndex;
        private boolean primaryKey;
        private boolean editable = true;
        private boolean autoCreated;
        private boolean hasDefault;
        private Object defaultValue;
        private String defaultText;
        private final List<Choice> choices = new java.util.ArrayList<>();
        private final Map<String, Object> params = new LinkedHashMap<>();
        private Relation relation;
        private FieldAccessor accessor;
        private String helpText = "";

        private Builder(String name, FieldType type) {
            this.name = name;
            this.type = type;
        }

        /** The field name. */
        public Builder name(String v) { name = v; return this; }
        /** The column; null means derived from the name. */
        public Builder column(String v) { column = v == null || v.isEmpty() ? null : v; return this; }
        /** The Java attribute type. */
        public Builder javaType(Class<?> v) { javaType = v; return this; }
        /** NULL allowed. */
        public Builder nullable(boolean v) { nullable = v; return this; }
        /** Empty allowed in validation. */
        public Builder blank(boolean v) { blank = v; return this; }
        /** UNIQUE. */
        public Builder unique(boolean v) { unique = v; return this; }
        /** Indexed. */
        public Builder dbIndex(boolean v) { dbIndex = v; return this; }
        /** Primary key. */
        public Builder primaryKey(boolean v) { primaryKey = v; return this; }
        /** Editable. */
        public Builder editable(boolean v) { editable = v; return this; }
        /** Implicit field. */
        public Builder autoCreated(boolean v) { autoCreated = v; return this; }
        /** Declares a default: the Java value and its text form. */
        public Builder defaultValue(Object value, String text) { hasDefault = true; defaultValue = value; defaultText = text; return this; }
        /** Removes the default. */
        public Builder noDefault() { hasDefault = false; defaultValue = null; defaultText = null; return this; }
        /** Adds a choice. */
        public Builder choice(Object value, String label) { choices.add(new Choice(value, label)); return this; }
        /** Sets a kind-specific parameter. */
        public Builder param(String key, Object value) { params.put(key, value); return this; }
        /** Declares a relation. */
        public Builder relation(Relation v) { relation = v; return this; }
        /** How to reach the field on an instance. */
        public Builder accessor(FieldAccessor v) { accessor = v; return this; }
        /** Help text. */
        public Builder helpText(String v) { helpText = v; return this; }
        /** The field type so far. */
        public FieldType type() { return type; }
        /** The declared name. */
        public String name() { return name; }

        /** Builds the field. */
        public FieldMeta build() {
            return new FieldMeta(this);
        }
    }
}
