package io.djorm.core.internal;

import io.djorm.core.OnDelete;
import io.djorm.core.DeleteResult;
import io.djorm.core.Djorm;
import io.djorm.core.FieldError;
import io.djorm.core.Model;
import io.djorm.core.ProtectedError;
import io.djorm.core.Q;
import io.djorm.core.RestrictedError;
import io.djorm.core.Signals;
import io.djorm.core.internal.query.Query;
import io.djorm.core.internal.query.SqlCompiler;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.meta.Relation;
import io.djorm.core.spi.Dialect;
import io.djorm.core.spi.Rows;
import io.djorm.core.spi.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gathers what a delete removes and changes, following {@code onDelete} through the whole graph of
 * relations, then applies it in one atomic unit, sending the delete signals (Django:
 * {@code deletion.Collector}). CASCADE collects the referring rows (or deletes them with one statement
 * when nothing listens to their signals and nothing refers to them); PROTECT and RESTRICT refuse;
 * SET_NULL and SET_DEFAULT become UPDATEs; DO_NOTHING leaves it to the database. Join rows of
 * many-to-many relations go too. Deletes run children first. Where the whole cascade needs no rows
 * loaded (see {@link CascadePlan}), it is sent as one unit of DELETEs that find the rows by key.
 */
public final class Collector {
    private static final int BATCH = 500;
    private final String alias;
    private final Map<ModelMeta, Map<Object, Model>> instances = new LinkedHashMap<>();
    private final List<FastDelete> fastDeletes = new ArrayList<>();
    private final Map<FieldUpdateKey, List<Model>> fieldUpdates = new LinkedHashMap<>();
    private final List<Model> protectedObjects = new ArrayList<>();
    private final Set<String> protectedVia = new LinkedHashSet<>();
    private final Map<Relations.Reverse, List<Model>> restricted = new LinkedHashMap<>();
    private CascadePlan plan; // set when the whole cascade can go by keys, without loading rows
    private List<? extends Model> planned;

    /** A DELETE of rows found by a condition, not loaded (Django: a fast delete). */
    private record FastDelete(String label, ModelMeta table, FieldMeta key, List<Object> values) {
    }

    /** One column set to one value on some rows. */
    private record FieldUpdateKey(ModelMeta model, FieldMeta field, Object value) {
    }

    /** A collector for an alias. */
    public Collector(String alias) {
        this.alias = alias;
    }

    /**
     * Deletes the rows a query matches and their cascade without loading any, when the cascade has a
     * {@link CascadePlan} and the query reads the model's own table alone (no join, no subquery: the
     * cascade's earlier statements could change what those match). Null when the rows must be loaded.
     */
    public static DeleteResult deleteMatching(DatabaseHandle handle, Query query) {
        ModelMeta meta = query.model();
        if (query.isEmpty() || query.hasJoins() || query.hasAggregateAnnotation()) return null;
        Dialect d = handle.database().dialect();
        CascadePlan plan = CascadePlan.forModel(meta, d);
        if (plan == null) return null;
        Statement delete = new SqlCompiler(query, d).delete().toStatement();
        String sql = delete.sql();
        int where = plan.filterStart(sql);
        if (where < 0 || containsSelect(sql, where)) return null;
        List<String> labels = new ArrayList<>();
        List<Statement> statements = plan.statements(sql, where, delete.params(), labels);
        return counted(handle.call(conn -> Persistence.runAll(conn, statements)), labels);
    }

    /** Whether a subquery (or anything else that says SELECT) follows {@code from}, without copying the SQL. */
    private static boolean containsSelect(String sql, int from) {
        for (int i = sql.length() - 6; i >= from; i--) {
            if ((sql.charAt(i) | 0x20) == 's' && sql.regionMatches(true, i, "SELECT", 0, 6)) return true;
        }
        return false;
    }

    /**
     * Adds instances to delete and everything their deletion reaches. Raises ProtectedError or
     * RestrictedError (nothing deleted) when a PROTECT or RESTRICT key refers to them.
     */
    public Collector collect(List<? extends Model> objs) {
        if (plan != null) { // a second collection: the planned rows are collected as any others
            List<? extends Model> earlier = planned;
            plan = null;
            planned = null;
            collectRows(earlier);
        } else if (instances.isEmpty() && !objs.isEmpty()) {
            plan = CascadePlan.forRoots(objs, Djorm.handle(alias).database().dialect());
            if (plan != null) {
                planned = objs;
                return this;
            }
        }
        return collectRows(objs);
    }

    private Collector collectRows(List<? extends Model> objs) {
        Map<ModelMeta, List<Model>> byModel = new LinkedHashMap<>();
        for (Model m : objs) byModel.computeIfAbsent(m.meta(), k -> new ArrayList<>()).add(m);
        byModel.values().forEach(this::collectOne);
        if (!protectedObjects.isEmpty()) {
            ModelMeta first = objs.get(0).meta();
            throw new ProtectedError("Cannot delete some instances of model '" + first.modelName() + "' because they are "
                    + "referenced through protected foreign keys: " + String.join(", ", protectedVia) + ". Delete or repoint "
                    + "these first: " + describe(protectedObjects) + ".", protectedObjects);
        }
        checkRestricted();
        return this;
    }

    private void collectOne(List<Model> objs) {
        ModelMeta meta = objs.get(0).meta();
        Map<Object, Model> known = instances.computeIfAbsent(meta, k -> new LinkedHashMap<>());
        List<Model> added = new ArrayList<>();
        for (Model m : objs) if (known.putIfAbsent(m.pk(), m) == null) added.add(m);
        if (added.isEmpty()) return;
        List<Object> pks = new ArrayList<>(added.size());
        for (Model m : added) pks.add(m.pk());
        for (FieldMeta f : meta.fields()) {
            if (f.isRelation() && f.relation().kind() == Relation.Kind.MANY_TO_MANY) {
                Relations.JoinTable table = Relations.joinTable(meta, f);
                if (table.automatic()) fastDeletes.add(new FastDelete(table.label(), table.table(), table.sourceKey(), pks));
            }
        }
        for (Relations.Reverse reverse : Relations.reverseOf(meta)) {
            if (reverse.manyToMany()) {
                Relations.JoinTable table = Relations.joinTable(reverse.source(), reverse.field());
                if (table.automatic()) fastDeletes.add(new FastDelete(table.label(), table.table(), table.targetKey(), pks));
                continue; // a through model's own foreign keys are reverse relations of their own
            }
            follow(reverse, keysOf(added, Relations.targetKey(reverse.field())));
        }
    }

    private void follow(Relations.Reverse reverse, List<Object> keys) {
        FieldMeta fk = reverse.field();
        OnDelete onDelete = fk.relation().onDelete();
        if (onDelete == OnDelete.DO_NOTHING || keys.isEmpty()) return;
        ModelMeta source = reverse.source();
        if (onDelete == OnDelete.CASCADE && canFastDelete(source)) {
            fastDeletes.add(new FastDelete(source.label(), source, fk, keys));
            return;
        }
        // Rows that only cascade are needed for their keys alone, unless their delete signals show them whole.
        List<Model> related = referring(source, fk, keys, onDelete == OnDelete.CASCADE && !hasDeleteListeners(source));
        if (related.isEmpty()) return;
        switch (onDelete) {
            case CASCADE -> collectOne(related);
            case PROTECT -> {
                protectedObjects.addAll(related);
                protectedVia.add("'" + source.modelName() + "." + fk.name() + "'");
            }
            case RESTRICT -> restricted.computeIfAbsent(reverse, k -> new ArrayList<>()).addAll(related);
            case SET_NULL -> {
                if (!fk.nullable()) {
                    throw new FieldError(source.label() + "." + fk.name() + " has onDelete = SET_NULL but is not nullable; "
                            + "declare it with nullable = true.");
                }
                fieldUpdates.computeIfAbsent(new FieldUpdateKey(source, fk, null), k -> new ArrayList<>()).addAll(related);
            }
            case SET_DEFAULT -> {
                Object value = fk.hasDefault() ? fk.defaultValue() : null;
                fieldUpdates.computeIfAbsent(new FieldUpdateKey(source, fk, value), k -> new ArrayList<>()).addAll(related);
            }
            default -> throw new IllegalStateException("unhandled onDelete " + onDelete);
        }
    }

    /** Whether rows of a model can go with one DELETE: no signals to send and nothing that refers to them. */
    private static boolean canFastDelete(ModelMeta model) {
        return Deletion.isLeaf(model) && !hasDeleteListeners(model);
    }

    private static boolean hasDeleteListeners(ModelMeta model) {
        Class<?> cls = model.javaClass();
        return cls != null && (Signals.PRE_DELETE.hasListeners(cls) || Signals.POST_DELETE.hasListeners(cls));
    }

    /**
     * The fields the collector reads from a row it deletes: the primary key (always loaded) and every key
     * that other rows refer to, which the cascade follows (Django: the collector's {@code only()}).
     */
    private static List<String> referencedKeys(ModelMeta model) {
        List<String> out = new ArrayList<>();
        for (Relations.Reverse r : Relations.reverseOf(model)) {
            if (r.manyToMany()) continue; // join rows go by primary key
            String key = Relations.targetKey(r.field()).name();
            if (!out.contains(key)) out.add(key);
        }
        return out;
    }

    /** RESTRICT allows the delete only when the referring rows are deleted by the same collection. */
    private void checkRestricted() {
        List<Model> blocking = new ArrayList<>();
        Set<String> via = new LinkedHashSet<>();
        for (var e : restricted.entrySet()) {
            Map<Object, Model> deleted = instances.getOrDefault(e.getKey().source(), Map.of());
            for (Model m : e.getValue()) {
                if (!deleted.containsKey(m.pk()) && !fastDeleted(e.getKey().source(), m)) {
                    blocking.add(m);
                    via.add("'" + e.getKey().source().modelName() + "." + e.getKey().field().name() + "'");
                }
            }
        }
        if (!blocking.isEmpty()) {
            throw new RestrictedError("Cannot delete some instances of the collected models because they are referenced "
                    + "through restricted foreign keys: " + String.join(", ", via) + ". Delete these first (or delete "
                    + "them in the same cascade): " + describe(blocking) + ".", blocking);
        }
    }

    /** Whether a fast delete of the collection removes this row (matching its key, not loading it). */
    private boolean fastDeleted(ModelMeta model, Model row) {
        for (FastDelete fast : fastDeletes) {
            if (fast.table() == model && fast.values().contains(fast.key().accessor().get(row))) return true;
        }
        return false;
    }

    private List<Model> referring(ModelMeta source, FieldMeta fk, List<Object> keys, boolean keysOnly) {
        DatabaseHandle handle = Djorm.handle(alias);
        List<Model> out = new ArrayList<>();
        List<String> only = keysOnly ? referencedKeys(source) : null;
        for (int from = 0; from < keys.size(); from += BATCH) {
            Query q = new Query(source, Djorm.apps());
            q.setOrdering(List.of());
            if (only != null) q.only(only);
            q.addFilter(Q.of(fk.name() + "__in", keys.subList(from, Math.min(keys.size(), from + BATCH))), false);
            out.addAll(new QueryExecution<Model>(source, q, handle, "MODELS").fetchAll());
        }
        return out;
    }

    private static List<Object> keysOf(List<Model> objs, FieldMeta key) {
        List<Object> out = new ArrayList<>();
        for (Model m : objs) {
            Object v = key.accessor().get(m);
            if (v != null) out.add(v);
        }
        return out;
    }

    private static String describe(List<Model> objs) {
        List<String> shown = objs.stream().limit(10).map(Model::toString).toList();
        return String.join(", ", shown) + (objs.size() > 10 ? " and " + (objs.size() - 10) + " more" : "");
    }

    /** Applies everything collected in one atomic unit; returns the rows deleted per model label. */
    public DeleteResult delete() {
        if (plan != null) return deletePlanned();
        DatabaseHandle handle = Djorm.handle(alias);
        Dialect d = handle.database().dialect();
        List<ModelMeta> order = Deletion.order(instances.keySet());
        for (ModelMeta meta : order) {
            for (Model m : instances.get(meta).values()) {
                if (Signals.PRE_DELETE.hasListeners(m.getClass())) {
                    Signals.PRE_DELETE.send(new Signals.DeleteEvent(m.getClass(), m, alias));
                }
            }
        }
        List<Statement> statements = new ArrayList<>();
        List<String> counted = new ArrayList<>(); // the label each statement's count goes to; null: not a delete
        for (var e : fieldUpdates.entrySet()) {
            FieldUpdateKey key = e.getKey();
            for (List<Object> batch : batches(keysOf(e.getValue(), key.model().pk()))) {
                StringBuilder sql = new StringBuilder("UPDATE ").append(d.quote(key.model().dbTable())).append(" SET ")
                        .append(d.quote(key.field().column())).append(" = ?");
                List<Object> params = new ArrayList<>();
                params.add(Persistence.dbValue(key.field(), key.value()));
                statements.add(whereIn(sql, params, d, key.model().pk(), batch));
                counted.add(null);
            }
        }
        for (FastDelete fast : fastDeletes) {
            for (List<Object> batch : batches(fast.values())) {
                StringBuilder sql = new StringBuilder("DELETE FROM ").append(d.quote(fast.table().dbTable()));
                statements.add(whereIn(sql, new ArrayList<>(), d, fast.key(), batch));
                counted.add(fast.label());
            }
        }
        for (ModelMeta meta : order) {
            for (List<Object> batch : batches(new ArrayList<>(instances.get(meta).keySet()))) {
                StringBuilder sql = new StringBuilder("DELETE FROM ").append(d.quote(meta.dbTable()));
                statements.add(whereIn(sql, new ArrayList<>(), d, meta.pk(), batch));
                counted.add(meta.label());
            }
        }
        var results = handle.call(conn -> Persistence.runAll(conn, statements));
        DeleteResult result = counted(results, counted);
        for (var e : fieldUpdates.entrySet()) {
            for (Model m : e.getValue()) e.getKey().field().accessor().set(m, e.getKey().value());
        }
        for (ModelMeta meta : order) {
            for (Model m : instances.get(meta).values()) {
                if (Signals.POST_DELETE.hasListeners(m.getClass())) {
                    Signals.POST_DELETE.send(new Signals.DeleteEvent(m.getClass(), m, alias));
                }
                meta.pk().accessor().set(m, null);
            }
        }
        return result;
    }

    /** The planned cascade: its statements in one unit, then the deleted roots lose their keys. */
    private DeleteResult deletePlanned() {
        List<String> labels = new ArrayList<>();
        List<Statement> statements = plan.statements(planned, labels);
        var results = Djorm.handle(alias).call(conn -> Persistence.runAll(conn, statements));
        DeleteResult result = counted(results, labels);
        for (Model m : planned) m.meta().pk().accessor().set(m, null);
        return result;
    }

    /** Rows deleted per label, each statement's count going to its label (null: not a delete). */
    private static DeleteResult counted(List<Rows> results, List<String> labels) {
        Map<String, Long> perModel = new LinkedHashMap<>();
        long total = 0;
        for (int i = 0; i < results.size(); i++) {
            long n = results.get(i).rowCount();
            if (labels.get(i) == null || n == 0) continue;
            perModel.merge(labels.get(i), n, Long::sum);
            total += n;
        }
        return new DeleteResult(total, perModel);
    }

    private static Statement whereIn(StringBuilder sql, List<Object> params, Dialect d, FieldMeta key, List<Object> values) {
        sql.append(" WHERE ").append(d.quote(key.column())).append(" IN (");
        for (int i = 0; i < values.size(); i++) {
            sql.append(i > 0 ? ", ?" : "?");
            params.add(Persistence.dbValue(key, values.get(i)));
        }
        return new Statement(sql.append(")").toString(), params);
    }

    private static List<List<Object>> batches(List<Object> values) {
        if (values.size() <= BATCH) return values.isEmpty() ? List.of() : List.of(values);
        List<List<Object>> out = new ArrayList<>();
        for (int from = 0; from < values.size(); from += BATCH) out.add(values.subList(from, Math.min(values.size(), from + BATCH)));
        return out;
    }
}
