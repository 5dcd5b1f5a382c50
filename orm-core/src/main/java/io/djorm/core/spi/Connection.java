package io.djorm.core.spi;

import java.util.List;

/**
 * One session with a database, used by one thread at a time. This is the single path by which every
 * statement reaches a database; the core wraps it once for logging, counting and timing.
 *
 * <p>Implementations translate their driver's errors into the {@link io.djorm.core.DatabaseError}
 * hierarchy ({@code IntegrityError} for constraint failures, {@code OperationalError} for locks,
 * timeouts and unreachable servers, ...), with messages that name the statement.
 */
public interface Connection extends AutoCloseable {

    /** Runs a statement that returns rows (SELECT, or a write with RETURNING) and streams them. */
    RowCursor query(Statement statement);

    /**
     * Runs a statement that returns no rows and reports how many rows it changed. The count must be
     * right on every server, including ones that do not report it themselves.
     */
    long update(Statement statement);

    /**
     * Runs several statements in order as one unit: all or none are applied. Outside a transaction the
     * unit is its own transaction; inside one it becomes part of it. A transport sends the whole unit
     * in as few round trips as it can (one, for HTTP). Each statement's rows (or change count) come back
     * in order. The first failure raises, and nothing of the unit remains.
     */
    List<Rows> executeAll(List<Statement> statements);

    /**
     * Runs a write whose result only feeds a callback (the new primary key of a saved object, say). A
     * transport may hold it back and send it together with the next statement, savepoint or commit, to
     * save round trips; the callback then runs when the result arrives, and a failure raises from the
     * call that sent it. Statements always reach the database in the order they were given.
     * The default runs it at once.
     */
    default void enqueue(Statement statement, java.util.function.Consumer<Rows> onResult) {
        onResult.accept(executeAll(List.of(statement)).get(0));
    }

    /**
     * Runs a one-row INSERT into a table whose primary key is its integer rowid, and hands {@code onKey}
     * a one-row, one-column result holding the new key. Like {@link #enqueue}, a transport may hold it
     * back. The default appends {@code RETURNING keyColumn} to the statement; a transport may read the key
     * some cheaper way instead (libSQL servers: {@code last_insert_rowid()} in the same batch).
     *
     * @param insert the INSERT, without a RETURNING clause
     * @param keyColumn the primary key column, quoted for this dialect
     * @param onKey receives the new key
     */
    default void enqueueInsert(Statement insert, String keyColumn, java.util.function.Consumer<Rows> onKey) {
        enqueue(new Statement(insert.sql() + " RETURNING " + keyColumn, insert.params()), onKey);
    }

    /**
     * {@link #enqueueInsert} for a caller that only needs the new key: {@code onKey} gets the integer
     * itself, so a driver that reads it at once (SQLite) builds no result object per inserted row. A
     * transport may hold the INSERT back exactly as {@link #enqueueInsert} does. The default reads the
     * key from {@link #enqueueInsert}'s result, so a backend that only implements that one behaves
     * the same through either method.
     *
     * @param insert the INSERT, without a RETURNING clause
     * @param keyColumn the primary key column, quoted for this dialect
     * @param onKey receives the new key
     * @throws io.djorm.core.DatabaseError (from the call that sends the INSERT) when no key comes back
     */
    default void enqueueKeyedInsert(Statement insert, String keyColumn, java.util.function.LongConsumer onKey) {
        enqueueInsert(insert, keyColumn, rows -> onKey.accept(Rows.newKey(rows, insert)));
    }

    /**
     * {@link #enqueueKeyedInsert(Statement, String, java.util.function.LongConsumer)} for a caller that hands
     * every new key to one setter: {@code setKey} gets {@code target} and the key. A caller that inserts many
     * objects keeps one setter for all of them (the ORM keeps one per model) instead of making a callback per
     * insert, and a transport that holds inserts back keeps the pair as it is. Held back, run and failing
     * exactly as that method. The default makes the callback and calls that method.
     *
     * @param insert the INSERT, without a RETURNING clause
     * @param keyColumn the primary key column, quoted for this dialect
     * @param target what the new key belongs to (the ORM: the saved object)
     * @param setKey receives {@code target} and the new key
     * @param <T> the target's type
     * @throws io.djorm.core.DatabaseError (from the call that sends the INSERT) when no key comes back
     */
    default <T> void enqueueKeyedInsert(Statement insert, String keyColumn, T target,
                                        java.util.function.ObjLongConsumer<? super T> setKey) {
        enqueueKeyedInsert(insert, keyColumn, key -> setKey.accept(target, key));
    }

    /**
     * Whether {@link #executeBatch} runs one statement many times more cheaply than the same rows folded
     * into one larger statement: true for an in-process driver that rebinds one prepared statement, false
     * (the default) for a transport where every statement is shipped and parsed anyway.
     */
    default boolean batchesCheaply() {
        return false;
    }

    /**
     * Runs one write once for each parameter list, in order, as one unit like {@link #executeAll}, and
     * returns how many rows each run changed. The default sends the runs through {@link #executeAll}.
     */
    default long[] executeBatch(String sql, List<List<Object>> paramRows) {
        List<Statement> statements = new java.util.ArrayList<>(paramRows.size());
        for (List<Object> params : paramRows) statements.add(new Statement(sql, params));
        List<Rows> results = executeAll(statements);
        long[] changed = new long[results.size()];
        for (int i = 0; i < changed.length; i++) changed[i] = results.get(i).rowCount();
        return changed;
    }

    /** Sends any statements held back by {@link #enqueue}; raises the first failure among them. */
    default void flush() {
    }

    /** Starts a transaction; until {@link #commit()} or {@link #rollback()} every statement is part of it. */
    void begin();

    /** Commits the current transaction. */
    void commit();

    /** Rolls the current transaction back. */
    void rollback();

    /** Marks a savepoint inside the current transaction. */
    void savepoint(String name);

    /** Forgets a savepoint, keeping its work in the transaction. */
    void releaseSavepoint(String name);

    /** Undoes the work done since a savepoint. */
    void rollbackToSavepoint(String name);

    /** True while a transaction begun with {@link #begin()} is open. */
    boolean inTransaction();

    /**
     * Stops the statement this connection is running, called from another thread (the async layer
     * does so for a cancelled or timed-out future). The interrupted call raises on its own thread; a
     * call that is not running is unaffected, and a connection that runs nothing ignores it. Never
     * throws. The default does nothing: the statement runs to its end.
     */
    default void cancel() {
    }

    /** False once the connection is broken and must be replaced. */
    default boolean isUsable() {
        return true;
    }

    /** Closes the session; never throws. */
    @Override
    void close();
}
