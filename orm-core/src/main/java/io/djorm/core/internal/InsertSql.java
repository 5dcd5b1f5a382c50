package io.djorm.core.internal;

import io.djorm.core.Model;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.Dialect;
import io.djorm.core.spi.Statement;
import java.util.ArrayList;
import java.util.List;

/** Renders multi-row INSERT statements, optionally returning the new primary keys. */
final class InsertSql {
    private InsertSql() {
    }

    static Statement build(Dialect d, ModelMeta meta, List<FieldMeta> fields, List<? extends Model> objs, boolean returning) {
        StringBuilder sql = new StringBuilder(64 + objs.size() * fields.size() * 3);
        sql.append("INSERT INTO ").append(d.quote(meta.dbTable()));
        List<Object> params = new ArrayList<>(objs.size() * fields.size());
        if (fields.isEmpty()) {
            if (objs.size() != 1) throw new IllegalArgumentException("A model with no columns inserts one row at a time");
            sql.append(" DEFAULT VALUES");
        } else {
            sql.append(" (");
            for (int i = 0; i < fields.size(); i++) sql.append(i > 0 ? ", " : "").append(d.quote(fields.get(i).column()));
            sql.append(") VALUES ");
            String row = "(" + "?, ".repeat(fields.size() - 1) + "?)";
            for (int r = 0; r < objs.size(); r++) {
                if (r > 0) sql.append(", ");
                sql.append(row);
                Model m = objs.get(r);
                for (FieldMeta f : fields) params.add(Persistence.dbValue(f, f.accessor().get(m)));
            }
        }
        if (returning) sql.append(" RETURNING ").append(d.quote(meta.pk().column()));
        return new Statement(sql.toString(), params);
    }
}
