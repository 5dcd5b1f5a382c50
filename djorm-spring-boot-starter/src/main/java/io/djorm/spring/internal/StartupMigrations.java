package io.djorm.spring.internal;

import io.djorm.core.Djorm;
import io.djorm.core.spi.Connection;
import io.djorm.core.spi.Database;
import io.djorm.migrations.Migrations;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code djorm.migrate-on-startup}: applies every app's migrations up to its latest on each chosen
 * alias (Django: {@code manage.py migrate --database alias}), reading the directory first and the
 * classpath's {@code migrations/<app>/} resources for the other apps, as the {@code orm} command does.
 */
public final class StartupMigrations {
    private static final Logger LOG = LoggerFactory.getLogger(StartupMigrations.class);
    private final Path directory;
    private final List<String> aliases;
    private final ClassLoader classpath;

    /** Migrations to run once djorm is configured. */
    public StartupMigrations(Path directory, List<String> aliases, ClassLoader classpath) {
        this.directory = directory;
        this.aliases = List.copyOf(aliases);
        this.classpath = classpath;
    }

    /** Migrates each alias in order. */
    public void run() {
        for (String alias : aliases) {
            Database database = Djorm.database(alias);
            Connection connection = database.connect();
            try {
                LOG.info("Migrating djorm alias '{}'", alias);
                new Migrations(Djorm.apps().models(), connection, database.dialect(), directory, classpath, LOG::info)
                        .migrate(Map.of(), false, false);
            } finally {
                connection.close();
            }
        }
    }
}
