package io.djorm.core.meta;

import io.djorm.core.FieldError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Everything known about one model: its table, fields and options (Django: {@code Model._meta}).
 * Built once per model class from its annotations, or from migration state for historical models,
 * which have no Java class. Immutable, apart from the caches the runtime keeps on it ({@link #derived()}).
 */
public final class ModelMeta {
    private final Class<?> javaClass;
    private final String appLabel;
    private final String modelName;
    private final String dbTable;
    private final List<FieldMeta> fields;
    private final List<FieldMeta> concreteFields;
    private final Map<String, FieldMeta> byName;
    private final FieldMeta pk;
    private final List<String> ordering;
    private final List<IndexMeta> indexes;
    private final List<List<String>> uniqueTogether;
    private final List<ConstraintMeta> constraints;
    private final boolean managed;
    private final Supplier<Object> instantiator;
    /** Both forms of the label, built once: statement caches key on them for every query. */
    private final String label;
    private final String labelLower;
    /** What the runtime derived from this instance: freed with it, never shared with a copy. */
    private final DerivedCaches derived = new DerivedCaches();

    private ModelMeta(Builder b) {
        this.javaClass = b.javaClass;
        this.appLabel = b.appLabel;
        this.modelName = b.modelName;
        this.label = b.appLabel + "." + b.modelName;
        this.labelLower = label.toLowerCase(java.util.Locale.ROOT);
        this.dbTable = b.dbTable != null ? b.dbTable : b.appLabel + "_" + b.modelName.toLowerCase(java.util.Locale.ROOT);
        this.fields = List.copyOf(b.fields);
        List<FieldMeta> concrete = new ArrayList<>();
        Map<String, FieldMeta> names = new LinkedHashMap<>();
        FieldMeta primary = null;
        for (FieldMeta f : fields) {
            if (names.put(f.name(), f) != null) {
                throw new FieldError("Model " + label() + " declares the field '" + f.name() + "' twice.");
            }
            if (f.hasColumn()) concrete.add(f);
            if (f.primaryKey()) {
                if (primary != null) {
                    throw new FieldError("Model " + label() + " has two primary keys: '" + primary.name() + "' and '"
                            + f.name() + "'. Keep primaryKey = true on one field.");
                }
                primary = f;
            }
        }
        for (FieldMeta f : fields) {
            if (!f.attname().equals(f.name())) names.putIfAbsent(f.attname(), f);
        }
        this.concreteFields = Collections.unmodifiableList(concrete);
        this.byName = Collections.unmodifiableMap(names);
        this.pk = primary;
        this.ordering = List.copyOf(b.ordering);
        this.indexes = List.copyOf(b.indexes);
        this.uniqueTogether = b.uniqueTogether.stream().map(List::copyOf).toList();
        this.constraints = List.copyOf(b.constraints);
        this.managed = b.managed;
        this.instantiator = b.instantiator;
    }

    /** A new builder. */
    public static Builder builder(String appLabel, String modelName) {
        return new Builder(appLabel, modelName);
    }

    /** A builder that starts as a copy of this model. */
    public Builder toBuilder() {
        Builder b = new Builder(appLabel, modelName);
        b.javaClass = javaClass;
        b.dbTable = dbTable;
        b.fields.addAll(fields);
        b.ordering.addAll(ordering);
        b.indexes.addAll(indexes);
        b.uniqueTogether.addAll(uniqueTogether);
        b.constraints.addAll(constraints);
        b.managed = managed;
        b.instantiator = instantiator;
        return b;
    }

    /**
     * The runtime's caches for this metadata instance (statement plans, hydrators). A copy made with
     * {@link #toBuilder()} gets empty ones.
     */
    public DerivedCaches derived() { return derived; }

    /** The model class, or null for a historical model rebuilt from migrations. */
    public Class<?> javaClass() { return javaClass; }

    /** The app label ({@code "shop"}). */
    public String appLabel() { return appLabel; }

    /** The model name as declared ({@code "Book"}). */
    public String modelName() { return modelName; }

    /** {@code "shop.Book"}. */
    public String label() { return label; }

    /** {@code "shop.book"}, the form migrations use. */
    public String labelLower() { return labelLower; }

    /** The table name. */
    public String dbTable() { return dbTable; }

    /** Every field, in declaration order (inherited fields first). */
    public List<FieldMeta> fields() { return fields; }

    /** The fields stored in this model's table, in declaration order. */
    public List<FieldMeta> concreteFields() { return concreteFields; }

    /** The primary key field. */
    public FieldMeta pk() { return pk; }

    /** The default ordering. */
    public List<String> ordering() { return ordering; }

    /** Extra indexes. */
    public List<IndexMeta> indexes() { return indexes; }

    /** unique-together sets. */
    public List<List<String>> uniqueTogether() { return uniqueTogether; }

    /** CHECK and UNIQUE constraints. */
    public List<ConstraintMeta> constraints() { return constraints; }

    /** Whether migrations manage the table. */
    public boolean managed() { return managed; }

    /** The field of that name (or attname, such as {@code author_id}), or null. */
    public FieldMeta findField(String name) {
        return byName.get(name);
    }

    /** The field of that name; raises FieldError listing the valid names when there is none. */
    public FieldMeta field(String name) {
        FieldMeta f = byName.get(name);
        if (f == null) {
            throw new FieldError("Cannot resolve keyword '" + name + "' into field of " + label()
                    + ". Choices are: " + String.join(", ", fieldNames()) + ".");
        }
        return f;
    }

    /** The names of all fields, sorted, for error messages. */
    public List<String> fieldNames() {
        return fields.stream().map(FieldMeta::name).sorted().toList();
    }

    /** Creates an empty instance of the model class (no constructor logic beyond field initializers). */
    public Object newInstance() {
        if (instantiator == null) {
            throw new IllegalStateException("Model " + label() + " has no Java class (a historical model)");
        }
        return instantiator.get();
    }

    @Override
    public String toString() {
        return label();
    }

    /** Builds a {@link ModelMeta}. */
    public static final class Builder {
        private Class<?> javaClass;
        private final String appLabel;
        private final String modelName;
        private String dbTable;
        private final List<FieldMeta> fields = new ArrayList<>();
        private final List<String> ordering = new ArrayList<>();
        private final List<IndexMeta> indexes = new ArrayList<>();
        private final List<List<String>> uniqueTogether = new ArrayList<>();
        private final List<ConstraintMeta> constraints = new ArrayList<>();
        private boolean managed = true;
        private Supplier<Object> instantiator;

        private Builder(String appLabel, String modelName) {
            this.appLabel = appLabel;
            this.modelName = modelName;
        }

        /** The model class and how to instantiate it. */
        public Builder javaClass(Class<?> cls, Supplier<Object> newInstance) { javaClass = cls; instantiator = newInstance; return this; }
        /** The table name; null means derived. */
        public Builder dbTable(String v) { dbTable = v == null || v.isEmpty() ? null : v; return this; }
        /** Appends a field. */
        public Builder field(FieldMeta f) { fields.add(f); return this; }
        /** Replaces the field of the same name, or appends it. */
        public Builder replaceField(String name, FieldMeta f) {
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i).name().equals(name)) { fields.set(i, f); return this; }
            }
            fields.add(f);
            return this;
        }
        /** Removes a field by name. */
        public Builder removeField(String name) { fields.removeIf(f -> f.name().equals(name)); return this; }
        /** The current fields. */
        public List<FieldMeta> fields() { return fields; }
        /** Sets the default ordering. */
        public Builder ordering(List<String> v) { ordering.clear(); ordering.addAll(v); return this; }
        /** Adds an index. */
        public Builder index(IndexMeta v) { indexes.add(v); return this; }
        /** The current indexes, to edit. */
        public List<IndexMeta> indexes() { return indexes; }
        /** Adds a unique-together set. */
        public Builder uniqueTogether(List<String> v) { uniqueTogether.add(v); return this; }
        /** The current unique-together sets, to edit. */
        public List<List<String>> uniqueTogetherSets() { return uniqueTogether; }
        /** Adds a constraint. */
        public Builder constraint(ConstraintMeta v) { constraints.add(v); return this; }
        /** The current constraints, to edit. */
        public List<ConstraintMeta> constraints() { return constraints; }
        /** Whether migrations manage it. */
        public Builder managed(boolean v) { managed = v; return this; }

        /** Builds the model. */
        public ModelMeta build() {
            return new ModelMeta(this);
        }
    }
}
