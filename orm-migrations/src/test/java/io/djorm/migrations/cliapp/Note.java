package io.djorm.migrations.cliapp;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.fields.CharField;
import io.djorm.core.fields.IntegerField;

/** A model of the command-line test app. */
public class Note extends Model {
    @CharField(maxLength = 80)
    public String title;

    @IntegerField(nullable = true)
    public Integer stars;

    /** The default manager. */
    public static Manager<Note> objects() {
        return Manager.of(Note.class);
    }
}
