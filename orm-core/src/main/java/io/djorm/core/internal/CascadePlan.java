package io.djorm.core.internal;

import io.djorm.core.Apps;
import io.djorm.core.Djorm;
import io.djorm.core.Model;
import io.djorm.core.OnDelete;
import io.djorm.core.Signals;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.meta.Relation;
import io.djorm.core.spi.Dialect;
import io.djorm.core.spi.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The whole cascade of deleting rows of one model as DELETE statements that find the rows they remove
 * with nested SELECTs from the keys of the rows deleted, so none of the cascaded rows is loaded: one
 * round trip instead of one per level. It exists only where the collector would do nothing else with
 * those rows: every relation reached is CASCADE or DO_NOTHING (no PROTECT, RESTRICT or SET_*), no model
 * is reached twice (no cycle, no diamond), and, checked per delete, no reached model has delete signals.
 * The statements are the collector's, in its order (fast deletes as it meets them, then the models
 * children first), so the counts per model are the same; each is a template built once per model.
 */
final class CascadePlan {
    private static final int BATCH = 500;
    private static volatile Cache cache;

    private final Dialect dialect;
    private final String deleteRoot;
    private final List<Step> steps;
    private final List<Class<?>> listenable;
    /** The statements' texts for the filter met last: a race only makes the same texts twice. */
    private volatile FilterTexts lastTexts;

    /**
     * One DELETE: {@code head + "?, ?" + tail}, with a placeholder for each deleted root's non-null
     * value of {@code rootKey}, converted as {@code literalField} (the column the innermost IN compares);
     * or {@code headAndRoot + " WHERE ..." + tail} (head, then {@code SELECT rootKey FROM root}) when the
     * roots are the rows a filter matches.
     */
    private record Step(String label, FieldMeta rootKey, FieldMeta literalField, String head, String tail, String headAndRoot) {
    }

    /** Rows of a model reached by cascade: those whose {@code fk} holds a key of the parent's rows. */
    private record Path(Path parent, ModelMeta parentModel, FieldMeta fk) {
    }

    /** A set of keys as SQL: {@code open + literals + close}, rooted in one field of the deleted rows. */
    private record Keys(String open, String close, FieldMeta rootKey, FieldMeta literalField) {
    }

    private CascadePlan(Dialect dialect, ModelMeta root, List<Step> steps, List<Class<?>> listenable) {
        this.dialect = dialect;
        this.deleteRoot = "DELETE FROM " + dialect.quote(root.dbTable());
        this.steps = steps;
        this.listenable = listenable;
    }

    /**
     * The plan for deleting these rows (all of one model), or null when the collector must load rows:
     * the graph has another onDelete than CASCADE or DO_NOTHING, reaches a model twice, or a reached
     * model has delete signals connected now.
     */
    static CascadePlan forRoots(List<? extends Model> roots, Dialect dialect) {
        ModelMeta meta = roots.get(0).meta();
        for (Model m : roots) if (m.meta() != meta) return null;
        return forModel(meta, dialect);
    }

    /** The plan for deleting rows of this model, or null as {@link #forRoots} tells. */
    static CascadePlan forModel(ModelMeta meta, Dialect dialect) {
        CascadePlan plan = cached(meta, dialect);
        if (plan == null) return null;
        for (Class<?> cls : plan.listenable) {
            if (Signals.PRE_DELETE.hasListeners(cls) || Signals.POST_DELETE.hasListeners(cls)) return null;
        }
        return plan;
    }

    /** The statements deleting these roots and their cascade; {@code labels} gets each one's model label. */
    List<Statement> statements(List<? extends Model> roots, List<String> labels) {
        List<Statement> out = new ArrayList<>(steps.size());
        for (Step step : steps) {
            List<Object> values = new ArrayList<>(roots.size());
            for (Model m : roots) {
                Object v = step.rootKey().accessor().get(m);
                if (v != null) values.add(Persistence.dbValue(step.literalField(), v));
            }
            for (int from = 0; from < values.size(); from += BATCH) {
                int to = Math.min(values.size(), from + BATCH);
                StringBuilder sql = new StringBuilder(step.head().length() + step.tail().length() + 3 * (to - from));
                sql.append(step.head()).append('?');
                for (int i = from + 1; i < to; i++) sql.append(", ?");
                Object[] params = values.subList(from, to).toArray();
                out.add(Statement.handingOver(sql.append(step.tail()).toString(), params));
                labels.add(step.label());
            }
        }
        return out;
    }

    /**
     * Where the WHERE clause (or the end) of a DELETE of the whole root table compiled from a filter
     * begins, or -1 when the statement is not that shape.
     */
    int filterStart(String delete) {
        return delete.startsWith(deleteRoot) ? deleteRoot.length() : -1;
    }

    /**
     * The statements deleting the rows a filter matches and their cascade, each finding the roots with
     * {@code SELECT key FROM root} and the filter's WHERE clause; {@code labels} gets each one's model label.
     *
     * @param delete the filter compiled as a DELETE of the root table alone ({@link #filterStart} not -1)
     * @param where where its WHERE clause begins
     * @param params its parameters
     */
    List<Statement> statements(String delete, int where, List<Object> params, List<String> labels) {
        String[] texts = texts(delete, where);
        List<Statement> out = new ArrayList<>(steps.size());
        Object[] shared = params.toArray(); // handed to every statement: no one changes a statement's parameters
        for (int i = 0; i < texts.length; i++) {
            out.add(Statement.handingOver(texts[i], shared));
            labels.add(steps.get(i).label());
        }
        return out;
    }

    /**
     * The statements' texts for a filter: the last filter's again when this one is the same text (a
     * delete repeated with other values), else made and kept in its place.
     */
    private String[] texts(String delete, int where) {
        FilterTexts last = lastTexts;
        if (last != null && last.delete().equals(delete)) return last.texts();
        String[] texts = new String[steps.size()];
        int filterLength = delete.length() - where;
        for (int i = 0; i < texts.length; i++) {
            Step step = steps.get(i);
            StringBuilder sql = new StringBuilder(step.headAndRoot().length() + filterLength + step.tail().length());
            texts[i] = sql.append(step.headAndRoot()).append(delete, where, delete.length()).append(step.tail()).toString();
        }
        lastTexts = new FilterTexts(delete, texts);
        return texts;
    }

    /** The texts of the statements for one filter, compiled as {@code delete} (never changed once made). */
    private record FilterTexts(String delete, String[] texts) {
    }

    private static CascadePlan cached(ModelMeta meta, Dialect dialect) {
        Apps apps = Djorm.apps();
        int size = apps.modelCount();
        Cache current = cache;
        if (current == null || current.apps != apps || current.size != size) {
            current = new Cache(apps, size);
            cache = current;
        }
        // Keyed by dialect too: a model deleted through aliases of two backends keeps a plan for each.
        Object plan = current.plans.computeIfAbsent(new Cache.Key(meta, dialect), key -> {
            CascadePlan built = new Builder(dialect).build(meta);
            return built == null ? Cache.NONE : built;
        });
        return plan instanceof CascadePlan p ? p : null;
    }

    /** Plans (or {@link #NONE}) per model and dialect, for one state of the registry, as the reverse relations are. */
    private static final class Cache {
        static final Object NONE = new Object();
        final Apps apps;
        final int size;
        final Map<Key, Object> plans = new ConcurrentHashMap<>();

        Cache(Apps apps, int size) {
            this.apps = apps;
            this.size = size;
        }

        /** A model's plan for one dialect (dialects compare by identity: one per backend). */
        record Key(ModelMeta meta, Dialect dialect) {
        }
    }

    /** Walks the relations as {@link Collector#collect} does, writing SQL where it would load rows. */
    private static final class Builder {
        private final Dialect d;
        private final List<Step> fastDeletes = new ArrayList<>();
        private final Map<ModelMeta, Path> models = new LinkedHashMap<>(); // deleted through their own rows' keys
        private final Set<Class<?>> listenable = new HashSet<>();
        private ModelMeta root;

        Builder(Dialect d) {
            this.d = d;
        }

        CascadePlan build(ModelMeta root) {
            this.root = root;
            if (root.javaClass() == null || !collect(root, null)) return null;
            List<ModelMeta> order = Deletion.order(models.keySet());
            for (var e : models.entrySet()) {
                Path path = e.getValue();
                // The nested SELECTs read the parents' rows, so each model must go before its parent.
                if (path != null && order.indexOf(e.getKey()) > order.indexOf(path.parentModel())) return null;
            }
            List<Step> steps = new ArrayList<>(fastDeletes);
            for (ModelMeta meta : order) {
                Path path = models.get(meta);
                steps.add(path == null ? step(meta.label(), meta, meta.pk(), rootKeys(meta.pk()))
                        : step(meta.label(), meta, path.fk(), keys(path.parentModel(), path.parent(), Relations.targetKey(path.fk()))));
            }
            return new CascadePlan(d, root, List.copyOf(steps), List.copyOf(listenable));
        }

        private boolean collect(ModelMeta meta, Path path) {
            if (models.containsKey(meta)) return false; // a cycle or a second way in: the collector merges rows by key
            models.put(meta, path);
            listenable.add(meta.javaClass());
            for (FieldMeta f : meta.fields()) {
                if (f.isRelation() && f.relation().kind() == Relation.Kind.MANY_TO_MANY) {
                    Relations.JoinTable table = Relations.joinTable(meta, f);
                    if (table.automatic()) fastDeletes.add(step(table.label(), table.table(), table.sourceKey(), keys(meta, path, meta.pk())));
                }
            }
            for (Relations.Reverse reverse : Relations.reverseOf(meta)) {
                if (reverse.manyToMany()) {
                    Relations.JoinTable table = Relations.joinTable(reverse.source(), reverse.field());
                    if (table.automatic()) fastDeletes.add(step(table.label(), table.table(), table.targetKey(), keys(meta, path, meta.pk())));
                    continue;
                }
                FieldMeta fk = reverse.field();
                OnDelete onDelete = fk.relation().onDelete();
                if (onDelete == OnDelete.DO_NOTHING) continue;
                if (onDelete != OnDelete.CASCADE) return false;
                ModelMeta source = reverse.source();
                if (source.javaClass() == null) return false;
                if (Deletion.isLeaf(source)) {
                    listenable.add(source.javaClass()); // a listener would make the collector load these rows
                    fastDeletes.add(step(source.label(), source, fk, keys(meta, path, Relations.targetKey(fk))));
                } else if (!collect(source, new Path(path, meta, fk))) {
                    return false;
                }
            }
            return true;
        }

        /** The keys in column {@code key} of the rows of {@code meta} that {@code path} reaches. */
        private Keys keys(ModelMeta meta, Path path, FieldMeta key) {
            if (path == null) return rootKeys(key);
            Keys parent = keys(path.parentModel(), path.parent(), Relations.targetKey(path.fk()));
            return new Keys(select(meta, key) + " WHERE " + d.quote(path.fk().column()) + " IN (" + parent.open(),
                    parent.close() + ")", parent.rootKey(), parent.literalField() != null ? parent.literalField() : path.fk());
        }

        private static Keys rootKeys(FieldMeta key) {
            return new Keys("", "", key, null);
        }

        private String select(ModelMeta meta, FieldMeta key) {
            return "SELECT " + d.quote(key.column()) + " FROM " + d.quote(meta.dbTable());
        }

        private Step step(String label, ModelMeta table, FieldMeta where, Keys keys) {
            String head = "DELETE FROM " + d.quote(table.dbTable()) + " WHERE " + d.quote(where.column()) + " IN (" + keys.open();
            return new Step(label, keys.rootKey(), keys.literalField() != null ? keys.literalField() : where, head,
                    keys.close() + ")", head + select(root, keys.rootKey()));
        }
    }
}
