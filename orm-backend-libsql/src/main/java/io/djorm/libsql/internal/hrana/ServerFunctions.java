package io.djorm.libsql.internal.hrana;

import io.djorm.core.DatabaseError;
import io.djorm.core.spi.Connection;
import io.djorm.core.spi.Database;
import io.djorm.core.spi.RowCursor;
import io.djorm.core.spi.Statement;
import io.djorm.sqlite.SqliteDialect;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Which window functions a libSQL server lacks. Servers differ: a full libSQL server (sqld, Turso
 * Cloud) has DENSE_RANK, LAG, LEAD, ...; a server running Turso's newer engine ({@code tursodb}) has
 * not. The first time a query needs one of them, the server is asked once ({@code SELECT LAG(1) OVER ()}),
 * and the answer is kept: a lacking server gets a NotSupportedError naming it before the query is sent,
 * every other server runs the function natively.
 */
public final class ServerFunctions implements Predicate<String> {
    private static final Map<String, String> PROBES = Map.of("DENSE_RANK", "DENSE_RANK() OVER ()", "LAG", "LAG(1) OVER ()",
            "LEAD", "LEAD(1) OVER ()", "NTILE", "NTILE(1) OVER ()", "FIRST_VALUE", "FIRST_VALUE(1) OVER ()",
            "LAST_VALUE", "LAST_VALUE(1) OVER ()", "NTH_VALUE", "NTH_VALUE(1, 1) OVER ()", "PERCENT_RANK",
            "PERCENT_RANK() OVER ()", "CUME_DIST", "CUME_DIST() OVER ()",
            SqliteDialect.FRAMES, "COUNT(1) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)");
    private final Map<String, Boolean> lacking = new ConcurrentHashMap<>();
    private volatile Database server;

    /** Sets the server to ask; until then nothing is known to be missing. */
    public void attach(Database database) {
        server = database;
    }

    /** Whether the server lacks this function (upper-case name); asks the server once per function. */
    @Override
    public boolean test(String function) {
        String probe = PROBES.get(function);
        Database db = server;
        if (probe == null || db == null) return false;
        return lacking.computeIfAbsent(function, f -> lacks(db, probe));
    }

    private static boolean lacks(Database db, String call) {
        try (Connection c = db.connect(); RowCursor rows = c.query(new Statement("SELECT " + call, List.of()))) {
            rows.next();
            return false;
        } catch (DatabaseError e) {
            String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("no such function") || message.contains("not supported")) return true;
            throw e;
        } catch (Exception e) {
            if (e instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e);
        }
    }
}
