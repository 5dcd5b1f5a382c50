package io.djorm.migrations.internal.operations;

import com.fasterxml.jackson.databind.JsonNode;
import io.djorm.migrations.MigrationError;
import io.djorm.migrations.internal.state.ModelCodec;

/** Reads an operation from its JSON in a migration file. */
public final class OperationReader {
    private OperationReader() {
    }

    /** The operation of a JSON object; {@code where} names the file for errors. */
    public static Operation read(String app, JsonNode n, String where) {
        String op = ModelCodec.text(n, "op", where);
        return switch (op) {
            case "CreateModel" -> new CreateModel(ModelCodec.model(app, n, where));
            case "DeleteModel" -> new DeleteModel(ModelCodec.text(n, "name", where));
            case "RenameModel" -> new RenameModel(ModelCodec.text(n, "old_name", where), ModelCodec.text(n, "new_name", where));
            case "AlterModelTable" -> new AlterModelTable(ModelCodec.text(n, "name", where), ModelCodec.text(n, "table", where));
            case "AddField" -> new AddField(ModelCodec.text(n, "model", where), ModelCodec.field(required(n, "field", where), where));
            case "RemoveField" -> new RemoveField(ModelCodec.text(n, "model", where), ModelCodec.text(n, "name", where));
            case "AlterField" -> new AlterField(ModelCodec.text(n, "model", where), ModelCodec.field(required(n, "field", where), where));
            case "RenameField" -> new RenameField(ModelCodec.text(n, "model", where), ModelCodec.text(n, "old_name", where),
                    ModelCodec.text(n, "new_name", where));
            case "AddIndex" -> new AddIndex(ModelCodec.text(n, "model", where), ModelCodec.index(required(n, "index", where), where));
            case "RemoveIndex" -> new RemoveIndex(ModelCodec.text(n, "model", where), ModelCodec.index(required(n, "index", where), where));
            case "AddConstraint" -> new AddConstraint(ModelCodec.text(n, "model", where),
                    ModelCodec.constraint(required(n, "constraint", where), where));
            case "RemoveConstraint" -> new RemoveConstraint(ModelCodec.text(n, "model", where),
                    ModelCodec.constraint(required(n, "constraint", where), where));
            case "AlterUniqueTogether" -> new AlterUniqueTogether(ModelCodec.text(n, "model", where),
                    ModelCodec.uniqueTogether(n.path("unique_together")));
            case "RunSQL" -> new RunSql(ModelCodec.strings(required(n, "sql", where)),
                    n.has("reverse_sql") ? ModelCodec.strings(n.get("reverse_sql")) : null);
            case "RunJava" -> new RunJava(ModelCodec.text(n, "class", where));
            case "AddVectorIndex" -> new AddVectorIndex(ModelCodec.text(n, "model", where), vectorIndex(n, where));
            case "RemoveVectorIndex" -> new RemoveVectorIndex(ModelCodec.text(n, "model", where), vectorIndex(n, where));
            default -> throw new MigrationError(where + ": unknown operation '" + op + "'. Known operations: CreateModel, "
                    + "DeleteModel, RenameModel, AlterModelTable, AddField, RemoveField, AlterField, RenameField, AddIndex, "
                    + "RemoveIndex, AddConstraint, RemoveConstraint, AlterUniqueTogether, RunSQL, RunJava, AddVectorIndex, RemoveVectorIndex.");
        };
    }

    /** A vector index spec; its operations need orm-vector on the classpath, which migrations do not require. */
    private static VectorIndexSpec vectorIndex(JsonNode n, String where) {
        try {
            Class.forName("io.djorm.vector.VectorIndex", false, OperationReader.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new MigrationError(where + ": operation " + n.path("op").asText() + " needs the orm-vector module;"
                    + " add the io.djorm:orm-vector dependency to the project that runs migrations.");
        }
        return VectorIndexSpec.read(n, where);
    }

    private static JsonNode required(JsonNode n, String key, String where) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) throw new MigrationError(where + ": operation " + n.path("op").asText() + " has no '" + key + "'.");
        return v;
    }
}
