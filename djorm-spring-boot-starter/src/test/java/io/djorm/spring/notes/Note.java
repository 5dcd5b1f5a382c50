package io.djorm.spring.notes;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.fields.CharField;

/** A note; its table comes from the shipped migration {@code migrations/notes/0001_initial.json}. */
public class Note extends Model {
    /** The note's title, unique so tests can find it. */
    @CharField(maxLength = 100, unique = true)
    public String title;

    /** The manager. */
    public static Manager<Note> objects() {
        return Manager.of(Note.class);
    }

    /** Saves a new note. */
    public static Note create(String title) {
        Note n = new Note();
        n.title = title;
        n.save();
        return n;
    }

    /** Whether a note with the title exists. */
    public static boolean exists(String title) {
        return objects().filter("title", title).exists();
    }
}
