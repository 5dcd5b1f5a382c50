package io.djorm.migrations;

import io.djorm.core.spi.Connection;
import io.djorm.core.spi.Statement;

/** RunJava code that writes a row and then fails, to prove the migration is rolled back. */
public class FailingCode implements MigrationCode {
    @Override
    public void forwards(Connection connection) {
        connection.update(Statement.of("INSERT INTO people_author (name) VALUES ('written before the failure')"));
        throw new IllegalStateException("data fix failed on purpose");
    }
}
