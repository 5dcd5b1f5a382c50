package io.djorm.migrations.internal.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.djorm.migrations.internal.executor.SchemaOps;
import io.djorm.migrations.internal.state.ProjectState;
import java.util.Set;

/**
 * One step of a migration (Django: {@code Operation}). It changes the project state and applies the
 * same change to the database; most can undo it too. Operations are immutable data written to and read
 * from migration files.
 */
public interface Operation {

    /** Applies the change to the state of the migration's app. */
    void stateForwards(String app, ProjectState state);

    /** Applies the change to the database; {@code before} and {@code after} surround this operation. */
    void databaseForwards(String app, SchemaOps ops, ProjectState before, ProjectState after);

    /** Undoes the change in the database; {@code before} and {@code after} surround this operation. */
    void databaseBackwards(String app, SchemaOps ops, ProjectState before, ProjectState after);

    /** Whether {@link #databaseBackwards} can undo it. */
    default boolean reversible() {
        return true;
    }

    /** A human description, such as {@code "Add field isbn to book"}. */
    String describe();

    /** A short name part for generated migration names, such as {@code "book_isbn"}. */
    String nameFragment();

    /** The labels of models in other apps this operation needs ({@code "shop.author"}). */
    default Set<String> references() {
        return Set.of();
    }

    /** The operation as JSON, starting with its {@code "op"} name. */
    ObjectNode toJson();
}
