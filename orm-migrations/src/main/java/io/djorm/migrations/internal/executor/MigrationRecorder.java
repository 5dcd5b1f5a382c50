package io.djorm.migrations.internal.executor;

import io.djorm.core.spi.Connection;
import io.djorm.core.spi.Dialect;
import io.djorm.core.spi.RowCursor;
import io.djorm.core.spi.Statement;
import io.djorm.migrations.internal.files.Migration;
import io.djorm.migrations.internal.files.MigrationKey;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Records which migrations are applied, in the {@code djorm_migrations} table (Django: {@code django_migrations}). */
public final class MigrationRecorder {
    /** The table's name. */
    public static final String TABLE = "djorm_migrations";
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final Connection connection;
    private final Dialect dialect;

    /** A recorder on a connection. */
    public MigrationRecorder(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /** Creates the table when it is missing. */
    public void ensureTable() {
        connection.update(Statement.of("CREATE TABLE IF NOT EXISTS " + q(TABLE) + " (" + q("id")
                + " integer NOT NULL PRIMARY KEY AUTOINCREMENT, " + q("app") + " varchar(255) NOT NULL, " + q("name")
                + " varchar(255) NOT NULL, " + q("applied") + " datetime NOT NULL)"));
    }

    /** The applied migrations. */
    public Set<MigrationKey> applied() {
        ensureTable();
        Set<MigrationKey> out = new TreeSet<>();
        try (RowCursor rows = connection.query(Statement.of("SELECT " + q("app") + ", " + q("name") + " FROM " + q(TABLE)))) {
            while (rows.next()) out.add(new MigrationKey(rows.getString(0), rows.getString(1)));
        }
        return out;
    }

    /**
     * Marks a migration applied; a squashed one is recorded as the migrations it replaces (as Django
     * does), so that the history stays true whether or not the replaced files are kept.
     */
    public void recordApplied(Migration migration, Set<MigrationKey> applied) {
        if (migration.replaces().isEmpty()) {
            recordApplied(migration.key());
            return;
        }
        for (MigrationKey replaced : migration.replaces()) if (!applied.contains(replaced)) recordApplied(replaced);
    }

    /** Marks a migration not applied; for a squashed one, also every migration it replaces. */
    public void recordUnapplied(Migration migration) {
        recordUnapplied(migration.key());
        migration.replaces().forEach(this::recordUnapplied);
    }

    /** Marks a migration applied. */
    public void recordApplied(MigrationKey key) {
        connection.update(new Statement("INSERT INTO " + q(TABLE) + " (" + q("app") + ", " + q("name") + ", " + q("applied")
                + ") VALUES (?, ?, ?)", List.of(key.app(), key.name(), LocalDateTime.now(ZoneOffset.UTC).format(FORMAT))));
    }

    /** Marks a migration not applied. */
    public void recordUnapplied(MigrationKey key) {
        connection.update(new Statement("DELETE FROM " + q(TABLE) + " WHERE " + q("app") + " = ? AND " + q("name") + " = ?",
                List.of(key.app(), key.name())));
    }

    private String q(String name) {
        return dialect.quote(name);
    }
}
