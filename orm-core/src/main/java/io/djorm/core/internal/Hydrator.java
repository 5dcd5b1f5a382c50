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
    private final FieldType[] types;
    private final FieldAccessor[] accessors;
    private final String[] annotationNames;
    private final FieldMeta[] annotationFields;
    private final String alias;
    private final Set<String> deferred;
    private final int offset;
    private final int pkIndex;
    private final ModelInternals.Access access = ModelInternals.access();

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
        this.types = fields.stream().map(FieldMeta::type).toArray(FieldType[]::new);
        this.accessors = fields.stream().map(FieldMeta::accessor).toArray(FieldAccessor[]::new);
        this.annotationNames = annotations.toArray(String[]::new);
        this.annotationFields = annotationOutputs.toArray(FieldMeta[]::new);
        this.alias = alias;
        this.pkIndex = meta.pk() == null ? -1 : fields.indexOf(meta.pk());
        Set<String> all = new HashSet<>();
        for (FieldMeta f : meta.concreteFields()) all.add(f.name());
        for (FieldMeta f : fields) all.remove(f.name());
        this.deferred = all.isEmpty() ? null : all;
    }

    /** Creates the instance of the cursor's current row. */
    @SuppressWarnings("unchecked")
    public T read(RowCursor row) {
        Model m;
        access.hydrating(true); // the row overwrites every loaded field: skip applying defaults
        try {
            m = (Model) meta.newInstance();
        } finally {
            access.hydrating(false);
        }
        for (int i = 0; i < fields.length; i++) {
            Object v;
            try {
                v = types[i].read(row, offset + i, fields[i]);
            } catch (io.djorm.core.DjormException e) {
                throw e;
            } catch (RuntimeException e) {
                throw StoredValues.malformed(fields[i], row, offset + i, where(row, i), e);
            }
            accessors[i].set(m, v);
        }
        if (annotationNames.length > 0) {
            var extras = access.extras(m);
            for (int j = 0; j < annotationNames.length; j++) {
                FieldMeta out = annotationFields[j];
                int column = offset + fields.length + j;
                Object v = out == null ? row.getObject(column) : StoredValues.read(out, row, column);
                extras.put(ModelInternals.ANNOTATION_PREFIX + annotationNames[j], v);
            }
        }
        access.loaded(m, alias, deferred == null ? null : new HashSet<>(deferred));
        return (T) m;
    }

    private String where(RowCursor row, int i) {
        String key = pkIndex < 0 ? "not loaded" : String.valueOf(row.getObject(offset + pkIndex));
        return "table \"" + meta.dbTable() + "\", column \"" + fields[i].column() + "\", primary key " + key;
    }
}
