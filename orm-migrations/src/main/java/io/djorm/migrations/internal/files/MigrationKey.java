package io.djorm.migrations.internal.files;

/** Identifies a migration: its app and its name ({@code shop}, {@code 0002_book_isbn}). */
public record MigrationKey(String app, String name) implements Comparable<MigrationKey> {
    @Override
    public int compareTo(MigrationKey o) {
        int c = app.compareTo(o.app);
        return c != 0 ? c : name.compareTo(o.name);
    }

    @Override
    public String toString() {
        return app + "." + name;
    }
}
