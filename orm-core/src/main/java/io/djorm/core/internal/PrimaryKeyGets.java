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
 * is the one {@link Hydrators} shares with the model's other queries, and finding them costs two field
 * reads. A key object built per call (a record of label and dialect), a capturing lambda per call and a
 * map probe per call showed in the profile of a get, which the hand-written JDBC side does without. The
 * plan is kept on the model's metadata ({@link ModelMeta#derived()}): a re-registered or historical model,
 * another metadata instance, gets its own plan, never an old one's fields.
 */
final class PrimaryKeyGets {
    private PrimaryKeyGets() {
    }

    /** What a get of one model needs on one alias: its SQL and its hydrator. */
    private record Bound(DatabaseHandle handle, String sql, Hydrator<?> hydrator, boolean generated) {
    }

    /** The model's rendered statements per dialect, and the last handle's statement and hydrator. */
    private static final class Plan {
        private final ModelMeta meta;
        private final List<FieldMeta> fields;
        private final ConcurrentHashMap<String, String> sqlByDialect = new ConcurrentHashMap<>();
        /** The handle used last: most programs read one model through one alias. */
        private volatile Bound last;

        Plan(ModelMeta meta) {
            this.meta = meta;
            this.fields = meta.concreteFields();
        }

        Bound on(DatabaseHandle handle) {
            Bound b = last;
            boolean generated = RowReaders.enabled();
            if (b != null && b.handle() == handle && b.generated() == generated) return b;
            Dialect d = handle.database().dialect();
            String sql = sqlByDialect.computeIfAbsent(d.getClass().getName() + "/" + d.name(), k -> render(d));
            b = new Bound(handle, sql, Hydrators.of(meta, fields, List.of(), List.of(), handle.alias()), generated);
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
        Plan plan = meta.derived().primaryKeyGet();
        if (plan == null) {
            plan = new Plan(meta);
            meta.derived().primaryKeyGet(plan);
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
