package io.djorm.core;

import java.util.Set;

/**
 * The model signals (Django: {@code django.db.models.signals}).
 *
 * <pre>{@code
 * Runnable disconnect = Signals.POST_SAVE.connect(Book.class, e -> index(e.instance(), e.created()));
 * }</pre>
 */
public final class Signals {
    /** Before a model instance is saved. */
    public static final Signal<SaveEvent> PRE_SAVE = new Signal<>("pre_save");
    /** After a model instance is saved; {@link SaveEvent#created()} tells insert from update. */
    public static final Signal<SaveEvent> POST_SAVE = new Signal<>("post_save");
    /** Before a model instance is deleted (also for each object a cascade deletes). */
    public static final Signal<DeleteEvent> PRE_DELETE = new Signal<>("pre_delete");
    /** After a model instance is deleted. */
    public static final Signal<DeleteEvent> POST_DELETE = new Signal<>("post_delete");

    private Signals() {
    }

    /**
     * A save of one instance.
     *
     * @param sender the model class
     * @param instance the instance being saved
     * @param created true when the save inserted a new row (always false in PRE_SAVE)
     * @param using the database alias
     * @param updateFields the fields named in {@code updateFields}, or null for all
     */
    public record SaveEvent(Class<?> sender, Model instance, boolean created, String using, Set<String> updateFields)
            implements Signal.Event {
    }

    /**
     * A delete of one instance.
     *
     * @param sender the model class
     * @param instance the instance being deleted
     * @param using the database alias
     */
    public record DeleteEvent(Class<?> sender, Model instance, String using) implements Signal.Event {
    }
}
