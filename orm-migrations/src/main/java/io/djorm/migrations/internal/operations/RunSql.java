package io.djorm.migrations.internal.operations;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.djorm.migrations.MigrationError;
import io.djorm.migrations.internal.executor.SchemaOps;
import io.djorm.migrations.internal.state.ProjectState;
import java.util.List;

/**
 * Runs raw SQL statements (Django: {@code RunSQL}); reversible when reverse statements are given
 * (an empty list means "nothing to undo"; null means irreversible). The state does not change.
 */
public record RunSql(List<String> sql, List<String> reverseSql) implements Operation {
    @Override public void stateForwards(String app, ProjectState state) {
    }

    @Override public void databaseForwards(String app, SchemaOps ops, ProjectState before, ProjectState after) {
        sql.forEach(ops::execute);
    }

    @Override public void databaseBackwards(String app, SchemaOps ops, ProjectState before, ProjectState after) {
        if (reverseSql == null) throw new MigrationError("RunSQL " + sql + " has no reverse_sql, so it cannot be undone.");
        reverseSql.forEach(ops::execute);
    }

    @Override public boolean reversible() { return reverseSql != null; }

    @Override public String describe() { return "Raw SQL operation"; }

    @Override public String nameFragment() { return "run_sql"; }

    @Override public ObjectNode toJson() {
        ObjectNode n = Json.op("RunSQL");
        ArrayNode a = n.putArray("sql");
        sql.forEach(a::add);
        if (reverseSql != null) {
            ArrayNode r = n.putArray("reverse_sql");
            reverseSql.forEach(r::add);
        }
        return n;
    }
}
