package io.djorm.migrations.internal.files;

import io.djorm.migrations.internal.operations.Operation;
import java.util.List;

/**
 * One migration file: its operations and the migrations that must run before it.
 *
 * @param key app and name
 * @param dependencies migrations that must be applied first
 * @param operations the steps, in order
 * @param initial whether it creates the app's first tables (for fake-initial)
 * @param replaces for a squashed migration, the migrations it stands for
 * @param source where it was read from, for error messages ({@code null} when not from a file)
 */
public record Migration(MigrationKey key, List<MigrationKey> dependencies, List<Operation> operations, boolean initial,
                        List<MigrationKey> replaces, String source) {
    /** Copies the lists. */
    public Migration {
        dependencies = List.copyOf(dependencies);
        operations = List.copyOf(operations);
        replaces = List.copyOf(replaces);
    }

    /** A label for messages: the file when known, else {@code app.name}. */
    public String where() {
        return source != null ? source : key.toString();
    }
}
