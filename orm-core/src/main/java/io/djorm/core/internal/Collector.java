package io.djorm.core.internal;

import io.djorm.core.DeleteResult;
import io.djorm.core.Djorm;
import io.djorm.core.Model;
import io.djorm.core.Signals;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.Dialect;
import io.djorm.core.spi.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers the instances a delete removes and deletes them in one unit, sending the delete signals
 * (Django: {@code deletion.Collector}). Relations extend what it collects.
 */
public final class Collector {
    private static final int BATCH = 500;
    private final String alias;
    private final Map<ModelMeta, List<Model>> instances = new LinkedHashMap<>();

    /** A collector for an alias. */
    public Collector(String alias) {
        this.alias = alias;
    }

    /** Adds instances to delete. */
    public Collector collect(List<? extends Model> objs) {
        for (Model m : objs) instances.computeIfAbsent(m.meta(), k -> new ArrayList<>()).add(m);
        return this;
    }

    /** Deletes everything collected in one atomic unit; returns the counts per model. */
    public DeleteResult delete() {
        DatabaseHandle handle = Djorm.handle(alias);
        Dialect d = handle.database().dialect();
        for (List<Model> list : instances.values()) {
            for (Model m : list) {
                if (Signals.PRE_DELETE.hasListeners(m.getClass())) {
                    Signals.PRE_DELETE.send(new Signals.DeleteEvent(m.getClass(), m, alias));
                }
            }
        }
        List<Statement> statements = new ArrayList<>();
        List<ModelMeta> owners = new ArrayList<>();
        for (var e : instances.entrySet()) {
            ModelMeta meta = e.getKey();
            List<Model> list = e.getValue();
            for (int from = 0; from < list.size(); from += BATCH) {
                List<Model> batch = list.subList(from, Math.min(list.size(), from + BATCH));
                StringBuilder sql = new StringBuilder("DELETE FROM ").append(d.quote(meta.dbTable())).append(" WHERE ")
                        .append(d.quote(meta.pk().column())).append(" IN (");
                List<Object> params = new ArrayList<>();
                for (int i = 0; i < batch.size(); i++) {
                    sql.append(i > 0 ? ", ?" : "?");
                    params.add(Persistence.dbValue(meta.pk(), batch.get(i).pk()));
                }
                statements.add(new Statement(sql.append(")").toString(), params));
                owners.add(meta);
            }
        }
        var results = handle.call(conn -> Persistence.runAll(conn, statements));
        Map<String, Long> perModel = new LinkedHashMap<>();
        long total = 0;
        for (int i = 0; i < results.size(); i++) {
            long n = results.get(i).rowCount();
            perModel.merge(owners.get(i).label(), n, Long::sum);
            total += n;
        }
        for (List<Model> list : instances.values()) {
            for (Model m : list) {
                if (Signals.POST_DELETE.hasListeners(m.getClass())) {
                    Signals.POST_DELETE.send(new Signals.DeleteEvent(m.getClass(), m, alias));
                }
                m.meta().pk().accessor().set(m, null);
            }
        }
        return new DeleteResult(total, perModel);
    }
}
