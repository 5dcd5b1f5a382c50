package io.djorm.vector.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.Function;

/** Registers the vector SQL functions on one sqlite-jdbc connection. */
public final class VectorFunctionRegistry {
    private VectorFunctionRegistry() {
    }

    /**
     * Adds {@code vector}, {@code vector32}, {@code vector64}, {@code vector_extract},
     * {@code vector_distance_cos} and {@code vector_distance_l2} to the connection. They are registered as
     * deterministic, so SQLite evaluates {@code vector32(?)} once per statement, not once per row.
     */
    public static void register(Connection connection) throws SQLException {
        add(connection, new VectorSqlFunction.Convert("vector", VectorFormat.F32), 1);
        add(connection, new VectorSqlFunction.Convert("vector32", VectorFormat.F32), 1);
        add(connection, new VectorSqlFunction.Convert("vector64", VectorFormat.F64), 1);
        add(connection, new VectorSqlFunction.Extract(), 1);
        add(connection, new VectorSqlFunction.Distance(VectorDistance.COSINE), 2);
        add(connection, new VectorSqlFunction.Distance(VectorDistance.L2), 2);
    }

    private static void add(Connection connection, VectorSqlFunction function, int arguments) throws SQLException {
        Function.create(connection, function.name(), function, arguments, Function.FLAG_DETERMINISTIC);
    }
}
