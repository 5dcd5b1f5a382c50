package io.djorm.vector.internal;

import io.djorm.core.spi.Statement;
import java.util.List;
import java.util.Locale;

/**
 * Whether a scan selects the same rows whenever the database is unchanged, which kept rows rely on.
 * A filter on the clock ({@code Now()}, SQLite's {@code 'now'}, {@code CURRENT_TIMESTAMP}), on chance
 * ({@code random()}) or on the connection's last write selects other rows as time passes, with nothing
 * committed: such scans are never kept. The check is conservative (a title filter equal to "now" counts
 * too) and knows SQLite's own functions only.
 */
final class RepeatableScan {
    private static final List<String> VOLATILE_SQL = List.of("'now'", "current_time", "current_date", "random",
            "changes(", "last_insert_rowid", "unixepoch()");

    private RepeatableScan() {
    }

    static boolean isRepeatable(Statement scan) {
        String sql = scan.sql().toLowerCase(Locale.ROOT);
        for (String word : VOLATILE_SQL) if (sql.contains(word)) return false;
        for (Object p : scan.params()) {
            if (p instanceof String s && s.trim().equalsIgnoreCase("now")) return false;
        }
        return true;
    }
}
