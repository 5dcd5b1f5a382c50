package io.djorm.core.internal;

import io.djorm.core.ValueError;
import io.djorm.core.Djorm;
import io.djorm.core.FieldError;
import io.djorm.core.Model;
import io.djorm.core.Signals;
import io.djorm.core.Transaction;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.Dialect;
import io.djorm.core.spi.RowCursor;
import io.djorm.core.spi.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds and removes the join rows of one many-to-many relation, seen from one side, and sends
 * {@link Signals#M2M_CHANGED} around each change (Django: {@code ManyRelatedManager._add_items} and
 * friends). Each change runs in one atomic block.
 */
public final class ManyToManyRows {
    private final ModelMeta source;
    private final boolean reverse;
    private final Relations.JoinTable table;
    private final FieldMeta mine;
    private final FieldMeta other;
    private final ModelMeta otherModel;

    /** The rows of {@code field} (declared on {@code source}), seen from the target side when {@code reverse}. */
    public ManyToManyRows(ModelMeta source, FieldMeta field, boolean reverse) {
        this.source = source;
        this.reverse = reverse;
        this.table = Relations.joinTable(source, field);
        this.mine = reverse ? table.targetKey() : table.sourceKey();
        this.other = reverse ? table.sourceKey() : table.targetKey();
        this.otherModel = reverse ? source : Relations.target(field);
    }

    /** Relates the instances to the owner; rows that exist already are left alone. */
    public void add(Model owner, Collection<? extends Model> objs, String alias) {
        add(owner, objs, alias, Map.of());
    }

    /** Relates the instances; new rows of a {@code through} model get {@code throughDefaults} as field values. */
    public void add(Model owner, Collection<? extends Model> objs, String alias, Map<String, ?> throughDefaults) {
        addKeys(owner, keys(objs, "add"), alias, throughDefaults);
    }

    /** Relates the rows of the other model with these primary keys (already checked with {@link #pks}). */
    public void addKeys(Model owner, Set<Object> ids, String alias, Map<String, ?> throughDefaults) {
        if (!throughDefaults.isEmpty() && table.automatic()) {
            throw new FieldError("throughDefaults need a through model; the relation to " + otherModel.label()
                    + " uses an automatic table with no other fields.");
        }
        if (ids.isEmpty()) return;
        Transaction.atomic(alias, () -> {
            Set<Object> missing = new LinkedHashSet<>(ids);
            missing.removeAll(related(owner, alias, ids));
            if (missing.isEmpty()) return;
            send(Signals.M2MAction.PRE_ADD, owner, missing, alias);
            insert(owner, missing, alias, throughDefaults);
            send(Signals.M2MAction.POST_ADD, owner, missing, alias);
        });
    }

    /** Stops relating the instances to the owner. */
    public void remove(Model owner, Collection<? extends Model> objs, String alias) {
        removeKeys(owner, keys(objs, "remove"), alias);
    }

    /** Stops relating the rows of the other model with these primary keys. */
    public void removeKeys(Model owner, Set<Object> ids, String alias) {
        if (ids.isEmpty()) return;
        Transaction.atomic(alias, () -> {
            send(Signals.M2MAction.PRE_REMOVE, owner, ids, alias);
            delete(owner, ids, alias);
            send(Signals.M2MAction.POST_REMOVE, owner, ids, alias);
        });
    }

    /** Removes every join row of the owner. */
    public void clear(Model owner, String alias) {
        Transaction.atomic(alias, () -> {
            send(Signals.M2MAction.PRE_CLEAR, owner, null, alias);
            delete(owner, null, alias);
            send(Signals.M2MAction.POST_CLEAR, owner, null, alias);
        });
    }

    /** Makes exactly these instances related: removes the others, adds the missing ones. */
    public void set(Model owner, Collection<? extends Model> objs, String alias) {
        setKeys(owner, keys(objs, "set"), alias);
    }

    /** Makes exactly the rows of the other model with these primary keys related. */
    public void setKeys(Model owner, Set<Object> wanted, String alias) {
        Transaction.atomic(alias, () -> {
            Set<Object> current = related(owner, alias, null);
            Set<Object> stale = new LinkedHashSet<>(current);
            stale.removeAll(wanted);
            if (!stale.isEmpty()) {
                send(Signals.M2MAction.PRE_REMOVE, owner, stale, alias);
                delete(owner, stale, alias);
                send(Signals.M2MAction.POST_REMOVE, owner, stale, alias);
            }
            Set<Object> missing = new LinkedHashSet<>(wanted);
            missing.removeAll(current);
            if (!missing.isEmpty()) {
                send(Signals.M2MAction.PRE_ADD, owner, missing, alias);
                insert(owner, missing, alias, Map.of());
                send(Signals.M2MAction.POST_ADD, owner, missing, alias);
            }
        });
    }

    /** The keys of the instances on the other side; each must be of the other model and saved. */
    private Set<Object> keys(Collection<? extends Model> objs, String action) {
        Set<Object> ids = new LinkedHashSet<>();
        for (Model m : objs) {
            if (m == null || !m.meta().label().equalsIgnoreCase(otherModel.label())) {
                throw new ValueError("'" + otherModel.modelName() + "' instance expected, got "
                        + (m == null ? "null" : m.meta().label() + " " + m) + ".");
            }
            Object pk = QueuedInserts.pk(m);
            if (pk == null) {
                throw new ValueError("Cannot " + action + " \"" + m + "\": the instance is unsaved, so the value "
                        + "for field \"" + other.name() + "\" would be null. Save it first.");
            }
            ids.add(pk);
        }
        return ids;
    }

    /**
     * Primary keys of the other model given as values (Django: {@code add(1, 2)}), each converted as
     * that primary key converts values; null is refused. Rows that do not exist fail on the database's
     * foreign key, as in Django.
     */
    public Set<Object> pks(Collection<?> values, String action) {
        FieldMeta pk = otherModel.pk();
        Set<Object> ids = new LinkedHashSet<>();
        for (Object v : values) {
            if (v == null) {
                throw new IllegalArgumentException("Cannot " + action + " a null primary key of '" + otherModel.modelName()
                        + "'. Pass the keys of saved rows.");
            }
            if (v instanceof Model) {
                throw new IllegalArgumentException("Pass primary keys to " + action + "Pks(...), not the instance " + v
                        + "; " + action + "(...) takes instances.");
            }
            ids.add(pk.type().coerce(v, pk));
        }
        return ids;
    }

    /** The other-side keys related to the owner (only among {@code among} when given). */
    private Set<Object> related(Model owner, String alias, Set<Object> among) {
        DatabaseHandle handle = Djorm.handle(alias);
        Dialect d = handle.database().dialect();
        StringBuilder sql = new StringBuilder("SELECT ").append(d.quote(other.column())).append(" FROM ")
                .append(d.quote(table.table().dbTable())).append(" WHERE ").append(d.quote(mine.column())).append(" = ?");
        List<Object> params = new ArrayList<>();
        params.add(Persistence.dbValue(mine, owner.pk()));
        appendIn(sql, params, d, among);
        Statement st = new Statement(sql.toString(), params);
        return handle.call(conn -> {
            Set<Object> out = new LinkedHashSet<>();
            try (RowCursor c = conn.query(st)) {
                while (c.next()) out.add(other.type().read(c, 0, other));
            }
            return out;
        });
    }

    private void insert(Model owner, Set<Object> ids, String alias, Map<String, ?> throughDefaults) {
        DatabaseHandle handle = Djorm.handle(alias);
        if (!table.automatic()) {
            List<Model> rows = new ArrayList<>();
            for (Object id : ids) {
                Model row = (Model) table.table().newInstance();
                throughDefaults.forEach(row::set);
                mine.accessor().set(row, owner.pk());
                other.accessor().set(row, id);
                rows.add(row);
            }
            QueryExecution.bulkCreate(handle, table.table(), rows, Integer.MAX_VALUE);
            return;
        }
        Dialect d = handle.database().dialect();
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(d.quote(table.table().dbTable())).append(" (")
                .append(d.quote(mine.column())).append(", ").append(d.quote(other.column())).append(") VALUES ");
        List<Object> params = new ArrayList<>();
        int i = 0;
        for (Object id : ids) {
            sql.append(i++ > 0 ? ", (?, ?)" : "(?, ?)");
            params.add(Persistence.dbValue(mine, owner.pk()));
            params.add(Persistence.dbValue(other, id));
        }
        Statement st = new Statement(sql.toString(), params);
        handle.call(conn -> conn.update(st));
    }

    private void delete(Model owner, Set<Object> ids, String alias) {
        DatabaseHandle handle = Djorm.handle(alias);
        Dialect d = handle.database().dialect();
        StringBuilder sql = new StringBuilder("DELETE FROM ").append(d.quote(table.table().dbTable())).append(" WHERE ")
                .append(d.quote(mine.column())).append(" = ?");
        List<Object> params = new ArrayList<>();
        params.add(Persistence.dbValue(mine, owner.pk()));
        appendIn(sql, params, d, ids);
        Statement st = new Statement(sql.toString(), params);
        handle.call(conn -> conn.update(st));
    }

    private void appendIn(StringBuilder sql, List<Object> params, Dialect d, Set<Object> ids) {
        if (ids == null) return;
        sql.append(" AND ").append(d.quote(other.column())).append(" IN (");
        int i = 0;
        for (Object id : ids) {
            sql.append(i++ > 0 ? ", ?" : "?");
            params.add(Persistence.dbValue(other, id));
        }
        sql.append(")");
    }

    private void send(Signals.M2MAction action, Model owner, Set<Object> ids, String alias) {
        Class<?> sender = source.javaClass();
        if (!Signals.M2M_CHANGED.hasListeners(sender)) return;
        Signals.M2M_CHANGED.send(new Signals.M2MChangedEvent(sender, owner, action, reverse, otherModel.javaClass(),
                ids == null ? null : Set.copyOf(ids), alias));
    }
}
