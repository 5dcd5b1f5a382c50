package io.djorm.core.internal;

import io.djorm.core.spi.Statement;

/**
 * Statements whose every value was refused or let through where it was converted ({@link
 * Persistence#storableDbValue}): what {@link BoundValues} would refuse on the way to a backend was refused
 * there already, naming the field, so the connection does not scan the values a second time (every
 * string of a thousand-row bulkCreate, once more). Only internal code can mark a statement so; a
 * statement made with the public factories is always checked on its way.
 */
public final class CheckedStatements {
    private static volatile Access access;

    /** What {@link Statement} exposes to the internals. */
    public interface Access {
        /** A statement over values checked as they were converted; the array is handed over. */
        Statement handingOver(String sql, Object[] checkedValues);

        /** Whether the statement was made by {@link #handingOver}. */
        boolean isChecked(Statement statement);
    }

    private CheckedStatements() {
    }

    /** Called once by Statement's static initializer. */
    public static void install(Access a) {
        access = a;
    }

    /**
     * A statement over values that {@link Persistence#storableDbValue} produced (or null): the caller
     * hands the array over and never changes it.
     */
    static Statement handingOver(String sql, Object[] checkedValues) {
        return access().handingOver(sql, checkedValues);
    }

    /**
     * Whether every value of the statement was checked where it was converted: a backend need not scan
     * its values again before sending them.
     */
    public static boolean isChecked(Statement statement) {
        return access().isChecked(statement); // Statement is initialized: the caller holds an instance
    }

    private static Access access() {
        Access a = access;
        if (a != null) return a;
        try {
            Class.forName(Statement.class.getName(), true, Statement.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return access;
    }
}
