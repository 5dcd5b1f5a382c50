package io.djorm.core;

import io.djorm.core.internal.QueryCaptures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Records the statements run while it is open (Django: {@code CaptureQueriesContext}), for tests and
 * for finding N+1 queries. Counts statements sent to the database, including BEGIN and COMMIT.
 *
 * <pre>{@code
 * try (QueryCapture queries = QueryCapture.start()) {
 *     Book.objects().all().list();
 *     assert queries.count() == 1;
 * }
 * }</pre>
 */
public final class QueryCapture implements AutoCloseable {
    private final String alias;
    private final Thread thread;
    private final List<CapturedQuery> queries = Collections.synchronizedList(new ArrayList<>());

    /**
     * One captured statement.
     *
     * @param alias the database alias
     * @param sql the SQL text
     * @param params the bound parameters
     * @param micros how long the call took, in microseconds
     */
    public record CapturedQuery(String alias, String sql, List<Object> params, long micros) {
    }

    private QueryCapture(String alias, Thread thread) {
        this.alias = alias;
        this.thread = thread;
        QueryCaptures.add(this);
    }

    /** Captures statements of every alias run by the current thread. */
    public static QueryCapture start() {
        return new QueryCapture(null, Thread.currentThread());
    }

    /** Captures statements of one alias run by any thread. */
    public static QueryCapture forAlias(String alias) {
        return new QueryCapture(alias, null);
    }

    /** Called for every statement; public for the instrumentation only. */
    public void accept(String statementAlias, String sql, List<Object> params, long micros) {
        if (alias != null && !alias.equals(statementAlias)) return;
        if (thread != null && thread != Thread.currentThread()) return;
        queries.add(new CapturedQuery(statementAlias, sql, params, micros));
    }

    /** The statements so far. */
    public List<CapturedQuery> queries() {
        synchronized (queries) {
            return List.copyOf(queries);
        }
    }

    /** How many statements ran, not counting BEGIN, COMMIT, ROLLBACK and savepoints. */
    public int count() {
        return (int) queries().stream().filter(q -> !isTransactionControl(q.sql())).count();
    }

    private static boolean isTransactionControl(String sql) {
        return sql.equals("BEGIN") || sql.equals("COMMIT") || sql.equals("ROLLBACK");
    }

    @Override
    public void close() {
        QueryCaptures.remove(this);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(count() + " queries:");
        for (CapturedQuery q : queries()) sb.append("\n  ").append(q.sql());
        return sb.toString();
    }
}
