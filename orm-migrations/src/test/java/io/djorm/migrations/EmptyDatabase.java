package io.djorm.migrations;

import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.Connection;
import io.djorm.core.spi.Database;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One test's connection to an emptied database on one backend (from {@link EveryBackend#open}), and the
 * migration projects that run on it; every project's output lines go to one list.
 */
final class EmptyDatabase implements AutoCloseable {
    private final Database database;
    private final Connection db;
    private final Path dir;
    private final List<String> output = new ArrayList<>();

    EmptyDatabase(Database database, Connection db, Path dir) {
        this.database = database;
        this.db = db;
        this.dir = dir;
    }

    /** The connection the projects use. */
    Connection db() {
        return db;
    }

    /** What the projects printed, in order. */
    List<String> output() {
        return output;
    }

    /** A project of {@code models} whose migration files are under the test's directory. */
    Migrations migrations(List<ModelMeta> models) {
        return migrations(models, dir);
    }

    /** A project of {@code models} whose migration files are under {@code files}. */
    Migrations migrations(List<ModelMeta> models, Path files) {
        return new Migrations(models, db, database.dialect(), files, output::add);
    }

    @Override
    public void close() {
        db.close();
    }
}
