package io.djorm.core.internal;

import io.djorm.core.DoesNotExist;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.Dialect;
import io.djorm.core.spi.RowCursor;
import io.djorm.core.spi.Statement;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code get(pk=...)} without a queryset: the SELECT is rendered once per model and dialect, the hydrator
 * made once per alias, and a lookup costs one identity-hashed map probe and a field read. A key object
 * built per call (a record of label and dialect) and a capturing lambda per call showed in the profile
 * of a get, which the hand-written JDBC side does without.
 */
final class PrimaryKeyGets {
    /** Plans kept; historical models of migrations make new metadata, so the map is bounded. */
    private static final int MAX_PLANS = 1024;
    /** Per model metadata, by identity: a re-registered model gets a new plan, never an old one's fields. */
    private static final ConcurrentHashMap<ModelMeta, Plan> PLANS = new ConcurrentHashMap<>();

    private PrimaryKeyGets() {
    }

    /** What a get of one model needs on one alias: its SQL and its hydrator. */
    private record Bound(DatabaseHandle handle, String sql, Hydrator<?> hydrator) {
    }

    /** The model's rendered statements per dialect and hydrators per alias, and the last pair used. */
    private static final class Plan {
        private final ModelMeta meta;
        private final List<FieldMeta> fields;
        private final ConcurrentHashMap<String, String> sqlByDialect = new ConcurrentHashMap<>();
        private final ConcurrentHashMap<String, Hydrator<?>> hydratorByAlias = new ConcurrentHashMap<>();
        /** The handle used last: most programs read one model through one alias. */
        private volatile Bound last;

        Plan(ModelMeta meta) {
            this.meta = meta;
            this.fields = meta.concreteFields();
        }

        Bound on(DatabaseHandle handle) {
            Bound b = last;
            if (b != null && b.handle() == handle) return b;
            Dialect d = handle.database().dialect();
            String sql = sqlByDialect.computeIfAbsent(d.getClass().getName() + "/" + d.name(), k -> render(d));
            Hydrator<?> hydrator = hydratorByAlias.computeIfAbsent(handle.alias(),
                    alias -> new Hydrator<>(meta, fields, List.of(), List.of(), alias));
            b = new Bound(handle, sql, hydrator);
            last = b;
            return b;
        }

        private String render(Dialect d) {
            StringBuilder sql = new StringBuilder("SELECT ");
            String table = d.quote(meta.dbTable());
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) sql.append(", ");
                sql.append(table).append('.').append(d.quote(fields.get(i).column()));
            }
            return sql.append(" FROM ").append(table).append(" WHERE ").append(table).append('.')
                    .append(d.quote(meta.pk().column())).append(" = ?").toString();
        }
    }

    /** The instance with this primary key on the handle's alias; DoesNotExist as {@code get()} raises. */
    @SuppressWarnings("unchecked")
    static <M> M get(ModelMeta meta, DatabaseHandle handle, Object pkValue) {
        Plan plan = PLANS.get(meta);
        if (plan == null) {
            if (PLANS.size() >= MAX_PLANS) PLANS.clear();
            plan = PLANS.computeIfAbsent(meta, Plan::new);
        }
        Bound bound = plan.on(handle);
        Statement st = Statement.handingOver(bound.sql(), new Object[] {Persistence.dbValue(meta.pk(), pkValue)});
        DatabaseHandle.Binding binding = handle.acquire();
        try (RowCursor c = binding.connection().query(st)) {
            if (!c.next()) throw new DoesNotExist(meta.javaClass(), meta.modelName() + " matching query does not exist.");
            return (M) bound.hydrator().read(c);
        } finally {
            handle.release(binding);
        }
    }
}
