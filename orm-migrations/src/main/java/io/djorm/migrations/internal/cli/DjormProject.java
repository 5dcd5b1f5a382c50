package io.djorm.migrations.internal.cli;

import io.djorm.core.Djorm;
import io.djorm.core.spi.Connection;
import io.djorm.core.spi.Database;
import io.djorm.migrations.Migrations;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The project the {@code orm} command works on when it runs on its own: djorm configured from the
 * settings, the models of {@code INSTALLED_APPS}, one connection to the chosen alias (for an embedded
 * replica, writes and DDL go to its primary), and the migrations directory. Closing it closes the
 * connection and djorm.
 */
public final class DjormProject implements AutoCloseable {
    private final Connection connection;
    private final Migrations migrations;

    /**
     * Configures djorm and opens the alias.
     *
     * @param settings the settings map (see {@link SettingsLoader})
     * @param alias the database alias to work on
     * @param directory where migrations are written (and read first)
     * @param out receives progress lines
     */
    public DjormProject(Map<String, Object> settings, String alias, Path directory, Consumer<String> out) {
        Djorm.configure(settings);
        Database database = Djorm.database(alias);
        this.connection = database.connect();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        this.migrations = new Migrations(Djorm.apps().models(), connection, database.dialect(), directory,
                loader != null ? loader : DjormProject.class.getClassLoader(), out);
    }

    /** The migration commands on this project. */
    public Migrations migrations() {
        return migrations;
    }

    @Override
    public void close() {
        connection.close();
        Djorm.shutdown();
    }
}
