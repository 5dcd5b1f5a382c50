package io.djorm.core.internal;

import io.djorm.core.DataError;
import io.djorm.core.DatabaseError;
import io.djorm.core.DeleteResult;
import io.djorm.core.DoesNotExist;
import io.djorm.core.Djorm;
import io.djorm.core.FieldError;
import io.djorm.core.Model;
import io.djorm.core.SaveOptions;
import io.djorm.core.Signals;
import io.djorm.core.internal.fields.DateTimeType;
import io.djorm.core.internal.fields.FloatType;
import io.djorm.core.internal.fields.TextValues;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.FieldType;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.Connection;
import io.djorm.core.spi.Dialect;
import io.djorm.core.spi.RowCursor;
import io.djorm.core.spi.Rows;
import io.djorm.core.spi.Statement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Saving, deleting and reloading single instances (Django: {@code Model.save_base} and friends). */
public final class Persistence {
    private Persistence() {
    }

    /** Inserts or updates an instance. */
    public static void save(Model m, SaveOptions options) {
        SavePlan plan = SavePlan.of(m.getClass());
        ModelMeta meta = plan.meta();
        if (options.isForceInsert() && (options.isForceUpdate() || options.updateFieldSet() != null)) {
            throw new io.djorm.core.ValueError("Cannot force both insert and updating in model saving.");
        }
        String alias = options.using() != null ? options.using() : m.db() != null ? m.db() : Djorm.DEFAULT_DB_ALIAS;
        plan.requireRegistered(Djorm.apps()); // a model outside INSTALLED_APPS fails here, at its first save
        requireSavedRelated(m, plan);
        Set<String> updateFields = updateFields(m, meta, options.updateFieldSet());
        if (updateFields != null && updateFields.isEmpty()) return; // Django: nothing to update, nothing happens
        boolean forceUpdate = options.isForceUpdate() || updateFields != null;
        if (Signals.PRE_SAVE.hasListeners(m.getClass())) {
            Signals.PRE_SAVE.send(new Signals.SaveEvent(m.getClass(), m, false, alias, updateFields));
        }
        DatabaseHandle handle = Djorm.handle(alias);
        Dialect dialect = handle.database().dialect();
        // The connection held directly rather than through handle.call: no capturing lambda per save.
        DatabaseHandle.Binding binding = handle.acquire();
        boolean created;
        try {
            created = write(binding.connection(), dialect, m, meta, plan, options, updateFields, forceUpdate);
        } finally {
            handle.release(binding);
        }
        ModelInternals.access().saved(m, alias);
        if (Signals.POST_SAVE.hasListeners(m.getClass())) {
            Signals.POST_SAVE.send(new Signals.SaveEvent(m.getClass(), m, created, alias, updateFields));
        }
    }

    /** Updates the row of an instance with a key, or inserts it; true when it inserted. */
    private static boolean write(Connection conn, Dialect dialect, Model m, ModelMeta meta, SavePlan plan,
                                 SaveOptions options, Set<String> updateFields, boolean forceUpdate) {
        Object pk = meta.pk().accessor().get(m);
        boolean pkIsAuto = meta.pk().type().isAutoIncrement();
        boolean tryUpdate = !options.isForceInsert() && pk != null && !(m.isAdding() && !pkIsAuto && meta.pk().hasDefault());
        stamp(m, plan.stamped(false));
        if (tryUpdate) {
            List<FieldMeta> fields = new ArrayList<>();
            for (FieldMeta f : meta.concreteFields()) {
                if (!f.primaryKey() && (updateFields == null || updateFields.contains(f.name()))) fields.add(f);
            }
            long rows = fields.isEmpty() ? existsCount(conn, dialect, meta, pk) : conn.update(updateStatement(dialect, meta, m, fields));
            if (rows > 0) return false;
            if (forceUpdate) {
                throw new DatabaseError(updateFields != null ? "Save with updateFields did not affect any rows: no "
                        + meta.label() + " with pk " + pk + " exists." : "Forced update did not affect any rows: no "
                        + meta.label() + " with pk " + pk + " exists.");
            }
        } else if (forceUpdate) {
            throw new DatabaseError("Cannot force an update in save() with no primary key.");
        }
        stamp(m, plan.stamped(true));
        insert(conn, dialect, meta, plan, m, pk);
        return true;
    }

    /** Django: "save() prohibited to prevent data loss due to unsaved related object". */
    private static void requireSavedRelated(Model m, SavePlan plan) {
        for (FieldMeta f : plan.refFields()) {
            var ref = Holders.ref(m, f);
            if (ref.id() != null) continue; // the usual case, told by the key alone
            Model related = Holders.access().cached(ref);
            if (related != null) {
                throw new io.djorm.core.ValueError("save() prohibited to prevent data loss due to unsaved related object '"
                        + f.name() + "' (" + related + "). Save the " + related.meta().modelName() + " first.");
            }
        }
    }

    private static long existsCount(Connection conn, Dialect dialect, ModelMeta meta, Object pk) {
        Statement st = new Statement("SELECT COUNT(*) FROM " + dialect.quote(meta.dbTable()) + " WHERE "
                + dialect.quote(meta.pk().column()) + " = ?", List.of(dbValue(meta.pk(), pk)));
        try (RowCursor c = conn.query(st)) {
            c.next();
            return c.getLong(0);
        }
    }

    private static Set<String> updateFields(Model m, ModelMeta meta, Set<String> requested) {
        if (requested != null) {
            Set<String> out = new LinkedHashSet<>();
            for (String name : requested) {
                FieldMeta f = meta.findField(name);
                if (f == null || !f.hasColumn()) {
                    throw new FieldError("updateFields names '" + name + "', which is not a concrete field of "
                            + meta.label() + ". Choices are: " + String.join(", ", meta.fieldNames()) + ".");
                }
                if (f.primaryKey()) throw new FieldError("updateFields cannot include the primary key '" + name + "'.");
                out.add(f.name());
            }
            return out;
        }
        Set<String> deferred = ModelInternals.access().deferred(m);
        if (deferred != null && !deferred.isEmpty() && !m.isAdding()) {
            // Django: an instance loaded with only()/defer() saves only what it loaded.
            Set<String> out = new LinkedHashSet<>();
            for (FieldMeta f : meta.concreteFields()) if (!f.primaryKey() && !deferred.contains(f.name())) out.add(f.name());
            return out;
        }
        return null;
    }

    /** Sets autoNow fields (always) and autoNowAdd fields (when inserting). */
    static void stampAutoFields(Model m, ModelMeta meta, boolean inserting) {
        stamp(m, stampedFields(meta, inserting));
    }

    /** The fields {@link #stampAutoFields} sets, for a caller that stamps many instances of one model. */
    static FieldMeta[] stampedFields(ModelMeta meta, boolean inserting) {
        return SavePlan.of(meta).stamped(inserting);
    }

    /** Sets each of {@code fields} (auto_now / auto_now_add) on {@code m} to the current time. */
    static void stamp(Model m, FieldMeta[] fields) {
        for (FieldMeta f : fields) {
            String kind = f.type().internalType();
            Object value = switch (kind) {
                case "DateField" -> LocalDate.now(ZoneOffset.UTC);
                case "TimeField" -> LocalTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
                default -> DateTimeType.now(f);
            };
            f.accessor().set(m, value);
        }
    }

    /** Raises {@link DataError} naming the model, field and value when the value cannot be stored. */
    public static void requireStorable(ModelMeta meta, FieldMeta f, Object value) {
        if (value == null) return;
        requireStorable(meta, f, value, f.type().coerce(value, f));
    }

    private static void requireStorable(ModelMeta meta, FieldMeta f, Object value, Object coerced) {
        String problem = f.type().storageProblem(coerced, f);
        if (problem == null) return;
        throw new DataError("Cannot store " + Shown.value(value) + " in " + meta.label() + "." + f.name() + ": " + problem
                + ". Nothing was saved.");
    }

    /**
     * The canonical database value of a field's Java value, refused as {@link #requireStorable} refuses it:
     * one conversion serves both the check and the value sent.
     */
    static Object storableDbValue(ModelMeta meta, FieldMeta f, Object value) {
        if (value == null) return null;
        FieldType type = f.type();
        Object coerced = type.coerce(value, f);
        requireStorable(meta, f, value, coerced);
        Object db = type.toDb(coerced, f);
        // What no backend can carry is refused here too, once (a statement of these values is not scanned again
        // on its way, see CheckedStatements): a text kind's storageProblem has just scanned this very string,
        // and an integer or bytes cannot hold such a problem; FloatType's storageProblem has just refused a
        // number that is not finite (every price of a bulkUpdate, checked once more here before).
        if (db instanceof String ? !TextValues.scannedByStorageProblem(type)
                : (db instanceof Double || db instanceof Float) && !(type instanceof FloatType)) {
            requireSendable(meta, f, value, db);
        }
        return db;
    }

    /** Refuses a database value that {@link BoundValues} would refuse, naming the field it came from. */
    private static void requireSendable(ModelMeta meta, FieldMeta f, Object value, Object db) {
        String problem = BoundValues.problem(db);
        if (problem != null) {
            throw new DataError("Cannot store " + Shown.value(value) + " in " + meta.label() + "." + f.name() + ": "
                    + problem + ". Nothing was saved.");
        }
    }

    /** The canonical database value of a field's Java value. */
    public static Object dbValue(FieldMeta f, Object value) {
        if (value == null) return null;
        return f.type().toDb(f.type().coerce(value, f), f);
    }

    private static Statement updateStatement(Dialect d, ModelMeta meta, Model m, List<FieldMeta> fields) {
        StringBuilder sql = new StringBuilder("UPDATE ").append(d.quote(meta.dbTable())).append(" SET ");
        List<Object> params = new ArrayList<>(fields.size() + 1);
        for (int i = 0; i < fields.size(); i++) {
            FieldMeta f = fields.get(i);
            if (i > 0) sql.append(", ");
            sql.append(d.quote(f.column())).append(" = ?");
            params.add(storableDbValue(meta, f, f.accessor().get(m))); // every value checked before any SQL runs
        }
        sql.append(" WHERE ").append(d.quote(meta.pk().column())).append(" = ?");
        params.add(dbValue(meta.pk(), m.pk()));
        return new Statement(sql.toString(), params);
    }

    private static void insert(Connection conn, Dialect d, ModelMeta meta, SavePlan plan, Model m, Object pkValue) {
        FieldMeta pk = meta.pk();
        boolean newKey = pk.type().isAutoIncrement() && pkValue == null;
        SavePlan.OneRowInsert insert = plan.insert(newKey);
        List<FieldMeta> fields = insert.fields();
        Object[] params = new Object[fields.size()];
        insert.values().read(m, params);
        for (int i = 0; i < params.length; i++) {
            params[i] = storableDbValue(meta, fields.get(i), params[i]); // every value checked before any SQL runs
        }
        SavePlan.OneRowInsert.Rendered text = insert.in(d, meta);
        Statement st = CheckedStatements.handingOver(text.sql(), params);
        if (!newKey) {
            if (conn.inTransaction()) conn.enqueue(st, rows -> { });
            else conn.update(st);
            return;
        }
        conn.enqueueKeyedInsert(st, text.quotedPk(), m, plan.keySetter());
    }

    /** The columns an INSERT of these instances writes: all but an auto primary key that none of them sets. */
    static List<FieldMeta> insertFields(ModelMeta meta, List<? extends Model> objs) {
        List<FieldMeta> out = new ArrayList<>();
        for (FieldMeta f : meta.concreteFields()) {
            if (f.primaryKey() && f.type().isAutoIncrement()) {
                boolean anySet = false;
                for (Model m : objs) if (f.accessor().get(m) != null) { anySet = true; break; }
                if (!anySet) continue;
            }
            out.add(f);
        }
        return out;
    }

    /** Deletes an instance and what cascades from it. */
    public static DeleteResult delete(Model m, String alias) {
        if (m.pk() == null) {
            throw new io.djorm.core.ValueError(m.meta().label() + " object can't be deleted because its "
                    + m.meta().pk().name() + " attribute is set to null.");
        }
        return new Collector(alias).collect(List.of(m)).delete();
    }

    /** Reloads fields of an instance from its alias. */
    public static void refresh(Model m, Set<String> names) {
        ModelMeta meta = m.meta();
        String alias = m.db() != null ? m.db() : Djorm.DEFAULT_DB_ALIAS;
        List<FieldMeta> fields = new ArrayList<>();
        for (FieldMeta f : meta.concreteFields()) {
            if (names == null || names.contains(f.name())) fields.add(f);
        }
        if (names != null) for (String n : names) meta.field(n);
        DatabaseHandle handle = Djorm.handle(alias);
        Dialect d = handle.database().dialect();
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < fields.size(); i++) sql.append(i > 0 ? ", " : "").append(d.quote(fields.get(i).column()));
        sql.append(" FROM ").append(d.quote(meta.dbTable())).append(" WHERE ").append(d.quote(meta.pk().column()))
                .append(" = ?");
        Statement st = new Statement(sql.toString(), List.of(dbValue(meta.pk(), m.pk())));
        handle.call(conn -> {
            try (RowCursor c = conn.query(st)) {
                if (!c.next()) {
                    throw new DoesNotExist(m.getClass(), meta.modelName() + " matching query does not exist (pk "
                            + m.pk() + " was deleted).");
                }
                for (int i = 0; i < fields.size(); i++) {
                    FieldMeta f = fields.get(i);
                    f.accessor().set(m, StoredValues.read(f, c, i));
                }
            }
            return null;
        });
        Set<String> loaded = new LinkedHashSet<>();
        fields.forEach(f -> loaded.add(f.name()));
        ModelInternals.access().clearDeferred(m, loaded);
        ModelInternals.access().saved(m, alias);
    }

    /** Runs a statement list as one unit and returns the results (one round trip where the transport can). */
    static List<Rows> runAll(Connection conn, List<Statement> statements) {
        return statements.isEmpty() ? List.of() : conn.executeAll(statements);
    }
}
