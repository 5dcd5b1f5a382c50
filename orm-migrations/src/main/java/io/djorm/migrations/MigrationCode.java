package io.djorm.migrations;

import io.djorm.core.spi.Connection;

/**
 * Java code run by a {@code RunJava} migration operation (Django: {@code RunPython}). The class needs a
 * public no-argument constructor; it runs inside the migration's transaction, so a failure undoes the
 * whole migration.
 */
public interface MigrationCode {

    /** Runs the data change forwards. */
    void forwards(Connection connection);

    /**
     * Undoes {@link #forwards}. The default declares the operation irreversible, which stops a backwards
     * migration before anything is changed.
     */
    default void backwards(Connection connection) {
        throw new MigrationError(getClass().getName() + " has no backwards step; override backwards() or "
                + "do not migrate back past this migration.");
    }

    /** Whether {@link #backwards} is implemented. */
    default boolean reversible() {
        try {
            return getClass().getMethod("backwards", Connection.class).getDeclaringClass() != MigrationCode.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
