package io.djorm.vector.internal;

import java.sql.SQLException;
import org.sqlite.Function;

/**
 * The shared part of the vector SQL functions: reading an argument as a vector and turning a bad
 * argument into an SQL error that names the function. One instance serves one connection (sqlite-jdbc
 * keeps the call's context in the instance).
 */
abstract class VectorSqlFunction extends Function {
    // sqlite3_value_type codes.
    private static final int SQLITE_INTEGER = 1;
    private static final int SQLITE_FLOAT = 2;
    private static final int SQLITE_TEXT = 3;
    private static final int SQLITE_BLOB = 4;

    private final String name;

    VectorSqlFunction(String name) {
        this.name = name;
    }

    /** The SQL name this instance is registered under. */
    final String name() {
        return name;
    }

    @Override
    protected final void xFunc() throws SQLException {
        try {
            compute();
        } catch (InvalidVectorException e) {
            error(name + ": " + e.getMessage());
        }
    }

    /** Computes the result from the arguments and sets it. */
    abstract void compute() throws SQLException;

    /** Whether argument {@code index} is a blob. */
    final boolean isBlob(int index) throws SQLException {
        return value_type(index) == SQLITE_BLOB;
    }

    /**
     * Reads argument {@code index} into {@code into}: a blob as it is, text parsed as a vector of the
     * given format.
     */
    final VectorView readVector(int index, VectorFormat textFormat, VectorView into) throws SQLException {
        int type = value_type(index);
        if (type == SQLITE_BLOB) return into.wrap(value_blob(index));
        if (type == SQLITE_TEXT) return into.wrap(VectorText.parse(value_text(index), textFormat));
        throw new InvalidVectorException("argument " + (index + 1) + " is " + typeName(type)
                + "; a vector is a blob (vector32(...), an F32_BLOB column) or text such as '[1,2,3]'");
    }

    static String typeName(int type) {
        switch (type) {
            case SQLITE_INTEGER: return "an integer";
            case SQLITE_FLOAT: return "a real number";
            case SQLITE_TEXT: return "text";
            case SQLITE_BLOB: return "a blob";
            default: return "NULL";
        }
    }

    /** {@code vector(x)}, {@code vector32(x)} and {@code vector64(x)}: a vector in a given format. */
    static final class Convert extends VectorSqlFunction {
        private final VectorFormat target;
        private final VectorView view = new VectorView();

        Convert(String name, VectorFormat target) {
            super(name);
            this.target = target;
        }

        @Override
        void compute() throws SQLException {
            result(readVector(0, target, view).serialize(target));
        }
    }

    /** {@code vector_extract(blob)}: a vector blob as text. */
    static final class Extract extends VectorSqlFunction {
        private final VectorView view = new VectorView();

        Extract() {
            super("vector_extract");
        }

        @Override
        void compute() throws SQLException {
            if (!isBlob(0)) {
                throw new InvalidVectorException("argument 1 is " + typeName(value_type(0))
                        + "; vector_extract reads a vector blob, such as vector32('[1,2]') or an F32_BLOB column");
            }
            result(VectorText.format(view.wrap(value_blob(0))));
        }
    }

    /** {@code vector_distance_cos(a, b)} and {@code vector_distance_l2(a, b)}. */
    static final class Distance extends VectorSqlFunction {
        private final VectorDistance distance;
        private final VectorView left = new VectorView();
        private final VectorView right = new VectorView();

        Distance(VectorDistance distance) {
            super(distance.sqlName());
            this.distance = distance;
        }

        @Override
        void compute() throws SQLException {
            result(distance.between(readVector(0, VectorFormat.F32, left), readVector(1, VectorFormat.F32, right)));
        }
    }
}
