package io.djorm.migrations;

import io.djorm.core.spi.Connection;
import io.djorm.core.spi.Statement;

/** Reversible RunJava code: adds an author row, and deletes it again going backwards. */
public class SeedCode implements MigrationCode {
    @Override
    public void forwards(Connection connection) {
        connection.update(Statement.of("INSERT INTO people_author (name) VALUES ('seeded by RunJava')"));
    }

    @Override
    public void backwards(Connection connection) {
        connection.update(Statement.of("DELETE FROM people_author WHERE name = 'seeded by RunJava'"));
    }
}
