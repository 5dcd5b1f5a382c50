package io.djorm.core.internal;

import io.djorm.core.Model;
import io.djorm.core.meta.FieldAccessor;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.FieldType;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.RowCursor;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns rows into model instances: the hot path. Field types and accessors are looked up once per
 * query, not per row; no reflection runs per row.
 */
public final class Hydrator<T> {
    private final ModelMeta meta;
    private final FieldMeta[] fields;
    /** The type each column is read with: a foreign key's is the type of the key it refers to. */
    private final FieldType[] types;
    /** The field each column is read as (a foreign key's target key), resolved once per query. */
    private final FieldMeta[] readAs;
    private final FieldAccessor[] accessors;
    /** The extras keys of the annotations, built once: one string concatenation per row each would show. */
    private final String[] annotationKeys;
    private final FieldMeta[] annotationFields;
    private final FieldMeta[] annotationReadAs;
    private final String alias;
    private final Set<String> deferred;
    private final int offset;
    private final int pkIndex;
    private final ModelInternals.Access access = ModelInternals.access();
    /**
     * The generated reader of this model and layout, or null: then fields are stored through accessors.
     * Not final: dropped if the generated class fails to link against the model.
     */
    private RowReader generated;
    /** The construction plan handed to the model's constructor, or null (not a model class). */
    private final Construction plan;

    /** A hydrator for rows whose first columns are {@code fields}, followed by annotations. */
    public Hydrator(ModelMeta meta, List<FieldMeta> fields, List<String> annotations,
                    List<FieldMeta> annotationOutputs, String alias) {
        this(meta, fields, annotations, annotationOutputs, alias, 0);
    }

    /** A hydrator for the columns from {@code offset} on (a model loaded by selectRelated further right). */
    public Hydrator(ModelMeta meta, List<FieldMeta> fields, List<String> annotations,
                    List<FieldMeta> annotationOutputs, String alias, int offset) {
        this.offset = offset;
        this.meta = meta;
        this.fields = fields.toArray(FieldMeta[]::new);
        this.readAs = fields.stream().map(KeyColumns::readAs).toArray(FieldMeta[]::new);
        this.types = java.util.Arrays.stream(readAs).map(FieldMeta::type).toArray(FieldType[]::new);
        this.accessors = fields.stream().map(FieldMeta::accessor).toArray(FieldAccessor[]::new);
        this.annotationKeys = annotations.stream().map(a -> ModelInternals.ANNOTATION_PREFIX + a).toArray(String[]::new);
        this.annotationFields = annotationOutputs.toArray(FieldMeta[]::new);
        this.annotationReadAs = annotationOutputs.stream().map(f -> f == null ? null : KeyColumns.readAs(f))
                .toArray(FieldMeta[]::new);
        this.alias = alias;
        this.pkIndex = meta.pk() == null ? -1 : fields.indexOf(meta.pk());
        Set<String> all = new HashSet<>();
        for (FieldMeta f : meta.concreteFields()) all.add(f.name());
        for (FieldMeta f : fields) all.remove(f.name());
        this.deferred = all.isEmpty() ? null : all;
        this.generated = RowReaders.reader(meta, fields, types, readAs, accessors, offset).orElse(null);
        this.plan = planOf(meta.javaClass());
    }

    /** The class's construction plan, or null: then the constructor looks it up itself and reports what fails. */
    private static Construction planOf(Class<?> type) {
        if (type == null || !Model.class.isAssignableFrom(type)) return null;
        try {
            return Construction.of(type);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The generated reader this hydrator uses, or null when it stores through the accessors. */
    RowReader generatedReader() {
        return generated;
    }

    /** Creates the instance of the cursor's current row. */
    @SuppressWarnings("unchecked")
    public T read(RowCursor row) {
        // the generated reader reads the key column itself: in place, where this class's call would not inline
        if (generated != null) return (T) finish(generatedRead(row, pkIndex < 0 ? null : RowReader.KEY_NOT_READ), row);
        Model m = construct();
        for (int i = 0; i < fields.length; i++) accessors[i].set(m, value(row, i));
        return (T) finish(m, row);
    }

    /**
     * Creates the instance of the cursor's current row, or answers null when its primary key column is
     * NULL (the LEFT OUTER JOIN of a selectRelated found no row): the key is read once, for both.
     */
    public T readUnlessNullKey(RowCursor row) {
        if (pkIndex < 0) return read(row);
        Object key = value(row, pkIndex);
        if (key == null) return null;
        return readWithKey(row, key);
    }

    /**
     * Creates the instance of the cursor's current row whose primary key is {@code key}, known already
     * (selectRelated's INNER JOIN matched it to the foreign key read before): its column is not read.
     * Without a primary key among the columns, the key is ignored.
     */
    public T readWithKey(RowCursor row, Object key) {
        if (pkIndex < 0) return read(row);
        if (generated != null) {
            @SuppressWarnings("unchecked") T t = (T) finish(relatedRead(row, key), row);
            return t;
        }
        Model m = construct();
        for (int i = 0; i < fields.length; i++) accessors[i].set(m, i == pkIndex ? key : value(row, i));
        @SuppressWarnings("unchecked") T t = (T) finish(m, row);
        return t;
    }

    /**
     * The instance through the generated reader. It reports no column: when a value cannot be read or
     * stored, the row is read again through the accessors (see {@link #readAgain}).
     */
    private Model generatedRead(RowCursor row, Object key) {
        Hydrating hydrating = Hydrating.current();
        hydrating.enter(plan); // the row overwrites every loaded field: skip applying defaults
        try {
            return generated.read(row, key);
        } catch (RuntimeException | LinkageError e) {
            return readAgain(row, key, e);
        } finally {
            hydrating.exit();
        }
    }

    /**
     * {@link #generatedRead} for the instances a selectRelated adds to each row ({@link #readWithKey}): the
     * same code, but a call site of its own. The JIT keeps one type profile per call site, and there the base
     * model's reader, called for every row, would hide the related models' readers (then called out of line
     * from every row's attach); here they are the only ones seen, and small enough to be inlined.
     */
    private Model relatedRead(RowCursor row, Object key) {
        Hydrating hydrating = Hydrating.current();
        hydrating.enter(plan);
        try {
            return generated.read(row, key);
        } catch (RuntimeException | LinkageError e) {
            return readAgain(row, key, e);
        } finally {
            hydrating.exit();
        }
    }

    /**
     * After the generated reader failed with {@code e}: a DjormException is the user's to see; anything
     * else, the row is read again through the accessors, which name the column and the row. A generated
     * class that cannot link against the model (an access the JVM refuses after all) is dropped, and this
     * row and the next go through the accessors.
     */
    private Model readAgain(RowCursor row, Object key, Throwable e) {
        if (e instanceof io.djorm.core.DjormException d) throw d;
        if (e instanceof LinkageError) generated = null;
        if (key == RowReader.KEY_NOT_READ) key = value(row, pkIndex);
        Model m = construct();
        for (int i = 0; i < fields.length; i++) accessors[i].set(m, i == pkIndex ? key : value(row, i));
        return m;
    }

    private Model construct() {
        Hydrating hydrating = Hydrating.current();
        hydrating.enter(plan); // the row overwrites every loaded field: skip applying defaults
        try {
            return (Model) meta.newInstance();
        } finally {
            hydrating.exit();
        }
    }

    private Object value(RowCursor row, int i) {
        try {
            return types[i].read(row, offset + i, readAs[i]);
        } catch (io.djorm.core.DjormException e) {
            throw e;
        } catch (RuntimeException e) {
            throw StoredValues.malformed(fields[i], row, offset + i, where(row, i), e);
        }
    }

    private Model finish(Model m, RowCursor row) {
        if (annotationKeys.length > 0) {
            var extras = access.extras(m);
            for (int j = 0; j < annotationKeys.length; j++) {
                FieldMeta out = annotationFields[j];
                int column = offset + fields.length + j;
                Object v = out == null ? row.getObject(column) : annotation(row, column, out, annotationReadAs[j]);
                extras.put(annotationKeys[j], v);
            }
        }
        access.loaded(m, alias, deferred == null ? null : new HashSet<>(deferred));
        return m;
    }

    private static Object annotation(RowCursor row, int column, FieldMeta out, FieldMeta readAs) {
        try {
            return readAs.type().read(row, column, readAs);
        } catch (io.djorm.core.DjormException e) {
            throw e;
        } catch (RuntimeException e) {
            throw StoredValues.malformed(out, row, column, "column \"" + out.column() + "\"", e);
        }
    }

    private String where(RowCursor row, int i) {
        String key = pkIndex < 0 ? "not loaded" : String.valueOf(row.getObject(offset + pkIndex));
        return "table \"" + meta.dbTable() + "\", column \"" + fields[i].column() + "\", primary key " + key;
    }
}
