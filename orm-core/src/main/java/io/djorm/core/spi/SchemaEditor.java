package io.djorm.core.spi;

import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import java.util.List;

/**
 * Turns model metadata into DDL and runs it on a connection (Django: {@code SchemaEditor}). Migrations
 * drive it; tests use {@link #createModel} directly. Methods that a database cannot do with ALTER TABLE
 * rebuild the table, keeping its rows, indexes and foreign keys.
 */
public interface SchemaEditor {

    /** The statements that create a model's table, its indexes and its many-to-many tables. */
    List<String> createModelSql(ModelMeta model);

    /** Creates a model's table with its indexes and constraints. */
    void createModel(ModelMeta model);

    /** Drops a model's table. */
    void deleteModel(ModelMeta model);

    /** Adds a column for a new field, filling existing rows with its default. */
    void addField(ModelMeta model, FieldMeta field);

    /** Drops a field's column. */
    void removeField(ModelMeta model, FieldMeta field);

    /** Changes a field (type, nullability, default, uniqueness, column name) keeping the data. */
    void alterField(ModelMeta model, FieldMeta oldField, FieldMeta newField);

    /** Renames a model's table. */
    void alterDbTable(ModelMeta model, String oldTable, String newTable);

    /** Every statement this editor ran, in order (for {@code sqlmigrate} and tests). */
    List<String> executedSql();
}
