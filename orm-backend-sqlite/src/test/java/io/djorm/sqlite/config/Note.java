package io.djorm.sqlite.config;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.fields.CharField;

/** A tiny model for configuration tests. */
public class Note extends Model {
    @CharField(maxLength = 50)
    public String text;

    /** The default manager. */
    public static Manager<Note> objects() {
        return Manager.of(Note.class);
    }
}
